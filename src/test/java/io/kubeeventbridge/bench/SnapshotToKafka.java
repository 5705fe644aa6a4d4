package io.kubeeventbridge.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeeventbridge.bridge.BenchBridge;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.publish.BridgePath;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The first start as a user feels it: milliseconds from starting until Kafka acknowledged a {@code snapshot} of every
 * pod a {@link PodListServer} lists. The bridge is its informer (in pages of the default size), change handler and
 * publish path ({@link BenchBridge}), until its checkpoints are written too; the baseline the {@link RawForwarder}, a
 * bare informer listing in one request whose handler serialises each pod with Jackson for a plain producer. Each on
 * a client of its own, in alternating rounds, to topics of the same partitions on the same broker.
 */
public final class SnapshotToKafka {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final String TOPIC = "snapshots.k8s.core.pod";
    private static final String RAW_TOPIC = "raw.snapshots.k8s.core.pod";
    // As the other publishing cases' topics.
    private static final int PARTITIONS = 4;
    // The default of bridge.informer.list-page-size.
    private static final int LIST_PAGE_SIZE = 1000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** Median milliseconds. */
    public record Result(double bridgeMillis, double forwarderMillis) {}

    private SnapshotToKafka() {}

    public static Result measure(String bootstrapServers, int pods, int rounds) throws Exception {
        new KafkaAdmin(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))
                .createOrModifyTopics(
                        TopicBuilder.name(TOPIC).partitions(PARTITIONS).build(),
                        TopicBuilder.name(RAW_TOPIC).partitions(PARTITIONS).build());
        try (PodListServer server = new PodListServer(pods);
                BridgePath path = BridgePath.plain(bootstrapServers)) {
            Rounds.Medians medians = Rounds.alternate(
                    "snapshot_to_kafka",
                    "ms",
                    rounds,
                    new Rounds.Contender("bridge", () -> bridge(server, path, pods)),
                    new Rounds.Contender("forwarder", () -> forwarder(server, bootstrapServers, pods)));
            return new Result(medians.value(), medians.baseline());
        }
    }

    private static double bridge(PodListServer server, BridgePath path, int pods) throws InterruptedException {
        System.gc();
        long start = System.nanoTime();
        try (KubernetesClient client = client(server);
                BenchBridge bridge = BenchBridge.start(client, PODS, TOPIC, path, LIST_PAGE_SIZE)) {
            bridge.awaitSnapshotsPublished(pods, TIMEOUT);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double forwarder(PodListServer server, String bootstrapServers, int pods)
            throws InterruptedException {
        System.gc();
        CountDownLatch acknowledged = new CountDownLatch(pods);
        long start = System.nanoTime();
        try (RawForwarder forwarder =
                new RawForwarder(client(server), bootstrapServers, RAW_TOPIC, acknowledged::countDown)) {
            if (!acknowledged.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(acknowledged.getCount() + " pods not acknowledged");
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static KubernetesClient client(PodListServer server) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty())
                        .withMasterUrl(server.url())
                        // The stub speaks no WebSocket.
                        .withOnlyHttpWatches(true)
                        // The forwarder's one list request of 100,000 pods can take longer than the default 10 s on
                        // a loaded machine, and its informer gives up on the first failure.
                        .withRequestTimeout((int) TIMEOUT.toMillis())
                        .build())
                .build();
    }
}
