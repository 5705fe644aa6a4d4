package io.kubeeventbridge.publish;

import io.kubeeventbridge.bench.NaiveForwarder;
import io.kubeeventbridge.bench.NaiveForwarder.Forwarded;
import io.kubeeventbridge.bench.Rounds;
import io.kubeeventbridge.bench.Rounds.Contender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The bridge against the forwarder a user would write: the bridge's path from a received object to Kafka's
 * acknowledgement ({@link BridgePath}: CloudEvents, the per-object queue, checkpoints) against a {@link NaiveForwarder}
 * serialising the same decoded objects with Jackson and sending them with a plain producer under the same settings.
 * Both in the same JVM, on the same broker; both encode every object in every round.
 */
public final class PublishVsForwarder {

    private static final String FORWARDER_TOPICS = "forwarder.";
    // The case runs first in its JVM: the compiler threads are still busy with the broker, the producer and both
    // paths for many rounds (measured per thread on a loaded machine: 12-30 us of CPU per event in each of the first
    // six rounds, under 5 from about the tenth), competing with whichever round runs, the forwarder's Jackson path
    // longest. With one round of warm-up, rounds varied from 0.79 to 1.07.
    private static final int WARM_UP_ROUNDS = 10;

    /** Medians over the measured rounds. */
    public record Result(double bridgeEventsPerSecond, double forwarderEventsPerSecond, int events) {}

    private PublishVsForwarder() {}

    public static Result measure(String bootstrapServers, int events, int rounds) throws InterruptedException {
        PublishWorkload workload = new PublishWorkload(events);
        PublishWorkload.createTopics(bootstrapServers, "");
        PublishWorkload.createTopics(bootstrapServers, FORWARDER_TOPICS);
        // One topic string per type, as a handler would hold it.
        Map<String, String> forwarderTopics = new HashMap<>();
        List<Forwarded> objects = workload.changes().stream()
                .map(change -> new Forwarded(
                        forwarderTopics.computeIfAbsent(change.topic(), FORWARDER_TOPICS::concat), change.object()))
                .toList();
        try (BridgePath bridge = BridgePath.plain(bootstrapServers);
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(PublishThroughput.producerSettings(bootstrapServers))) {
            NaiveForwarder forwarder = new NaiveForwarder(producer);
            Rounds.Medians medians = Rounds.alternate(
                    "publish_vs_forwarder",
                    "events/s",
                    WARM_UP_ROUNDS,
                    rounds,
                    new Contender("bridge", () -> bridge.round(workload)),
                    new Contender("forwarder", () -> forwarder.round(objects)));
            return new Result(medians.value(), medians.baseline(), events);
        }
    }
}
