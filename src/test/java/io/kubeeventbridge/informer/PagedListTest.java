package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeeventbridge.bench.PodListServer;
import io.kubeeventbridge.event.ResourceType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lists in pages ({@code bridge.informer.list-page-size}) against a stub that pages as the API server does (the mock
 * API server ignores {@code limit}): each object is handed over once however the list is cut, relists classify what
 * changed, and a continue token that expires mid-list costs a full list, not an event.
 */
class PagedListTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final int PODS_LISTED = 1_234;
    private static final int PAGE = 500;

    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final PodListServer server;
    private final KubernetesClient client;
    private final ResourceInformer informer;

    PagedListTest() throws IOException {
        server = new PodListServer(PODS_LISTED);
        client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty())
                        .withMasterUrl(server.url())
                        .withOnlyHttpWatches(true)
                        // A failed list is retried after this, doubling: keeps the expired-continue case short.
                        .withWatchReconnectInterval(50)
                        .build())
                .build();
        informer = new ResourceInformer(
                client,
                new InformerTarget(PODS, null, null, null),
                (operation, object, json) ->
                        changes.add(operation + " " + object.getMetadata().getName() + " "
                                + object.getMetadata().getResourceVersion()),
                ObjectFilter.NONE,
                TestCompression.off(PODS),
                Duration.ZERO,
                PAGE);
    }

    @AfterEach
    void close() {
        informer.stop();
        client.close();
        server.close();
    }

    @Test
    void pagedFirstListHandsOverOneSnapshotPerObject() {
        informer.start();

        awaitChanges(PODS_LISTED);
        assertThat(changes).containsExactlyInAnyOrderElementsOf(snapshotsOfAll());
        assertThat(server.listQueries())
                .containsExactly("limit=500", "continue=500&limit=500", "continue=1000&limit=500");
    }

    @Test
    void relistInPagesPublishesWhatChangedMeanwhile() {
        informer.start();
        awaitChanges(PODS_LISTED);
        changes.clear();

        server.update(3);
        server.update(700);
        server.delete(5);
        server.delete(1_100);
        await().atMost(Duration.ofMinutes(2)).until(() -> server.openWatches() > 0);
        server.expireWatches();

        awaitChanges(4);
        assertThat(changes)
                .containsExactlyInAnyOrder(
                        "UPDATED pod-3 2235", "UPDATED pod-700 2236", "DELETED pod-5 1005", "DELETED pod-1100 2100");
        assertThat(server.listQueries().subList(3, 6))
                .containsExactly("limit=500", "continue=501&limit=500", "continue=1001&limit=500");
    }

    @Test
    void continueExpiredMidListRelistsInFullWithoutLosingOrRepeatingChanges() {
        // When the second page is asked for, pod 3 of the first has changed and pod 5 is gone.
        server.expireContinues(1, () -> {
            server.update(3);
            server.delete(5);
        });
        informer.start();

        awaitChanges(PODS_LISTED + 2);
        List<String> expected = new ArrayList<>(snapshotsOfAll());
        expected.addAll(List.of("UPDATED pod-3 2235", "DELETED pod-5 1005"));
        assertThat(changes).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(server.listQueries())
                .containsExactly(
                        "limit=500",
                        "continue=500&limit=500",
                        "limit=500",
                        "continue=501&limit=500",
                        "continue=1001&limit=500");
        assertThat(informer.store().size()).isEqualTo(PODS_LISTED - 1);
    }

    @Test
    void aListWithASelectorRequestsEachPageOnce() {
        ResourceInformer selecting = new ResourceInformer(
                client,
                new InformerTarget(PODS, null, "app=web", null),
                (operation, object, json) -> {},
                ObjectFilter.NONE,
                TestCompression.off(PODS),
                Duration.ZERO,
                PAGE);
        try {
            selecting.start();

            await().atMost(Duration.ofMinutes(2)).until(selecting::hasSynced);
            assertThat(server.listQueries())
                    .containsExactly(
                            "labelSelector=app%3Dweb&limit=500",
                            "continue=500&labelSelector=app%3Dweb&limit=500",
                            "continue=1000&labelSelector=app%3Dweb&limit=500");
        } finally {
            selecting.stop();
        }
    }

    private static List<String> snapshotsOfAll() {
        return IntStream.range(0, PODS_LISTED)
                .mapToObj(index -> "SNAPSHOT pod-" + index + " " + (1000 + index))
                .toList();
    }

    /**
     * Waits until {@code count} changes arrived and the informer completed a list at the stub's latest
     * resourceVersion: the deletes a list finds are handed over last, so nothing more is to come.
     */
    private void awaitChanges(int count) {
        await().atMost(Duration.ofMinutes(2))
                .until(() -> changes.size() >= count
                        && server.latestResourceVersion().equals(informer.lastSyncResourceVersion()));
    }
}
