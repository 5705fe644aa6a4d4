package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawFanoutServerTest {

    private final FixedResourceCache pods = new FixedResourceCache(QueryApiFixture.PODS);

    @Test
    void everyWatchGetsEachChangeAsAChunkedEventLine() throws Exception {
        try (RawFanoutServer server = RawFanoutServer.start(pods.changes());
                WatchClients clients = WatchClients.open(server.port(), "/k8s/api/v1/pods?watch=1", 3)) {
            pods.put(pod("a", ""));
            pods.put(pod("b", ""));

            await().atMost(Duration.ofSeconds(10)).until(() -> clients.received(2));
            assertThat(clients.latenciesMillis(Map.of("2", 0L, "3", 0L))).hasSize(6);
        }
    }

    @Test
    void aWatchThatNeverReadsIsCutOffWithExpired() throws Exception {
        // Large enough that the socket's buffers fill within a few dozen changes, and the watch's backlog after them.
        String filler = "x".repeat(64 * 1024);
        try (RawFanoutServer server = RawFanoutServer.start(pods.changes());
                SilentWatch stalled = new SilentWatch(server.port(), "/k8s/api/v1/pods?watch=1")) {
            for (int i = 0; i < RawFanoutWriter.BACKLOG + 200; i++) {
                pods.put(pod("a", filler));
            }

            assertThat(stalled.cutOff()).isTrue();
        }
    }

    private static GenericKubernetesResource pod(String name, String filler) {
        GenericKubernetesResource pod = QueryApiFixture.pod("default", name, Map.of(), "Running", "node-1");
        pod.getMetadata().setAnnotations(Map.of("filler", filler));
        return pod;
    }
}
