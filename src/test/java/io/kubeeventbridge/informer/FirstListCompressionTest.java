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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An informer keeps its type's compression off the cores while its first list runs: objects wait uncompressed (within
 * the budget) until the list is complete, or until the informer stops, and are compressed then.
 */
class FirstListCompressionTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final int PODS_LISTED = 1_234;

    private final DeferralBudget budget = new DeferralBudget(Long.MAX_VALUE);
    private final TypeCompression compression = TestCompression.inline(PODS, budget);
    private final AtomicInteger snapshots = new AtomicInteger();
    private final AtomicBoolean compressedDuringList = new AtomicBoolean();
    private final PodListServer server;
    private final KubernetesClient client;

    FirstListCompressionTest() throws IOException {
        server = new PodListServer(PODS_LISTED);
        client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty())
                        .withMasterUrl(server.url())
                        .withOnlyHttpWatches(true)
                        .build())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void objectsListedFirstAreCompressedOnceTheListIsComplete() {
        ResourceInformer informer = informer(null);
        informer.start();

        await().atMost(Duration.ofMinutes(1))
                .until(() -> snapshots.get() == PODS_LISTED
                        && informer.store().list(null).stream().allMatch(CachedObject::isCompressed));
        assertThat(compressedDuringList).isFalse();
        assertThat(budget.deferredBytes()).isZero();
        informer.stop();
    }

    @Test
    void objectsOfAFirstListCutShortAreCompressedWhenTheInformerStops() {
        ResourceInformer[] stopping = new ResourceInformer[1];
        ResourceInformer informer = informer(() -> stopping[0].stop());
        stopping[0] = informer;
        informer.start();

        // Those stored but never handed over stay decoded: they were never compacted, so never deferred.
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(informer.store().list(null))
                        .filteredOn(CachedObject::isCompact)
                        .hasSizeGreaterThanOrEqualTo(600)
                        .allMatch(CachedObject::isCompressed));
        assertThat(compressedDuringList).isFalse();
        assertThat(budget.deferredBytes()).isZero();
    }

    /** @param atSnapshot600 run on the handler thread when the 600th snapshot is handed over, or {@code null} */
    private ResourceInformer informer(Runnable atSnapshot600) {
        return new ResourceInformer(
                client,
                new InformerTarget(PODS, null, null, null),
                (operation, object, json) -> {
                    if (compression.trained()) {
                        compressedDuringList.set(true);
                    }
                    if (snapshots.incrementAndGet() == 600 && atSnapshot600 != null) {
                        atSnapshot600.run();
                    }
                },
                ObjectFilter.NONE,
                compression,
                Duration.ZERO,
                500);
    }
}
