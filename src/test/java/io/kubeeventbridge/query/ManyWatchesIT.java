package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hundreds of watches streaming thousands of lines each at once, over real HTTP: the few writer threads and the
 * container's own threads share every response's stream, and each line must still arrive whole, in order, in
 * well-framed chunks. Changes come in bursts that fill the sockets, so that writes also wait for the container's
 * call back.
 */
class ManyWatchesIT {

    private static final int WATCHERS = 100;
    private static final int CHANGES = 1_000;
    private static final int BURST = 250;
    private static final int PODS = 50;

    private final ExecutorService fanout = Executors.newFixedThreadPool(2);
    private final FixedResourceCache cache =
            new FixedResourceCache(QueryApiFixture.PODS, new WatchWindow(10_000, Duration.ofMinutes(5)), fanout);

    @AfterEach
    void stopFanout() {
        fanout.shutdownNow();
    }

    @Test
    void everyWatcherReadsEveryLineWholeAndInOrder() {
        for (int i = 0; i < PODS; i++) {
            cache.put(pod(i, 0));
        }
        try (QueryApiServer server = QueryApiServer.start(cache)) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI watch = URI.create("http://localhost:" + server.port() + "/k8s/api/v1/pods?watch=1&resourceVersion="
                    + cache.resourceVersion());
            List<Lines> watchers = new ArrayList<>();
            for (int i = 0; i < WATCHERS; i++) {
                Lines lines = new Lines();
                client.sendAsync(
                        HttpRequest.newBuilder(watch).build(), HttpResponse.BodyHandlers.fromLineSubscriber(lines));
                watchers.add(lines);
            }
            watchers.forEach(lines -> lines.subscribed.join());

            for (int made = 0; made < CHANGES; ) {
                for (int i = 0; i < BURST; i++, made++) {
                    cache.put(pod(made % PODS, made + 1));
                }
                int expected = made;
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> watchers.stream().allMatch(lines -> lines.done(expected)));
            }

            assertThat(watchers).allSatisfy(lines -> {
                assertThat(lines.failure).isNull();
                assertThat(lines.read).isEqualTo(CHANGES);
            });
            watchers.forEach(lines -> lines.subscribed.join().cancel());
        }
    }

    /** A pod of about 2 KB whose annotation counts its changes. */
    private static GenericKubernetesResource pod(int index, int change) {
        GenericKubernetesResource pod =
                QueryApiFixture.pod("shop", "web-" + index, Map.of("app", "web"), "Running", "node-1");
        pod.getMetadata()
                .setAnnotations(
                        Map.of("example.com/change", String.valueOf(change), "example.com/padding", "x".repeat(1500)));
        return pod;
    }

    /** Parses every line, and checks each is the next change: a MODIFIED event at a newer version. */
    private static final class Lines implements Flow.Subscriber<String> {

        private final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
        private volatile int read;
        private volatile Throwable failure;
        private long lastVersion;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscribed.complete(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            try {
                JsonNode event = JsonMapper.shared().readTree(line);
                assertThat(event.at("/type").asString()).isEqualTo("MODIFIED");
                long version = Long.parseLong(
                        event.at("/object/metadata/resourceVersion").asString());
                assertThat(version).isGreaterThan(lastVersion);
                lastVersion = version;
                read++;
            } catch (RuntimeException | AssertionError e) {
                failure = e;
            }
        }

        @Override
        public void onError(Throwable error) {
            failure = error;
        }

        @Override
        public void onComplete() {
            // Cancelled at the end.
        }

        /** Whether this watcher has read {@code count} lines, or failed. */
        boolean done(int count) {
            return read >= count || failure != null;
        }
    }
}
