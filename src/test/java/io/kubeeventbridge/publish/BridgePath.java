package io.kubeeventbridge.publish;

import io.kubeeventbridge.bench.ProcessCpu;
import io.kubeeventbridge.bench.ThreadCpu;
import io.kubeeventbridge.config.KafkaSettings.ContentMode;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.metrics.EventMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The bridge's publish path for the benchmarks, as the service wires it: the per-object queue, {@link
 * KafkaEventPublisher} sending through a {@link KafkaTemplate}, and the {@link CheckpointStore}; with transactions,
 * the transactional sender that {@link PublishConfiguration} builds from the same producer settings. A term is begun
 * when it is made and finished when it is closed.
 */
public final class BridgePath implements AutoCloseable {

    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);
    // The default of bridge.kafka.transaction-interval.
    private static final Duration TRANSACTION_INTERVAL = Duration.ofMillis(100);

    private final String label;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final CheckpointStore checkpoints;
    private final PendingEvents queue = new PendingEvents(replaced -> {});
    private final EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
    private final KafkaEventPublisher publisher;

    /** Publishing each event as it comes, its checkpoint written later in a batch. */
    public static BridgePath plain(String bootstrapServers) {
        return new BridgePath(bootstrapServers, "bench", false);
    }

    /** Publishing in transactions, each event with its checkpoint, as with leader election. */
    static BridgePath transactional(String bootstrapServers) {
        return new BridgePath(bootstrapServers, "bench-transactional", true);
    }

    private BridgePath(String bootstrapServers, String name, boolean transactional) {
        this.label = transactional ? "bridge with transactions" : "bridge";
        Map<String, Object> settings = PublishThroughput.producerSettings(bootstrapServers);
        producers = new DefaultKafkaProducerFactory<>(settings);
        template = new KafkaTemplate<>(producers);
        String checkpointTopic = "kube-event-bridge." + name + ".checkpoints";
        checkpoints = new CheckpointStore(
                checkpointTopic,
                new KafkaAdmin(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)),
                new CheckpointReader(
                        checkpointTopic,
                        new DefaultKafkaConsumerFactory<>(
                                Map.<String, Object>of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)),
                        Duration.ofSeconds(30),
                        new SimpleMeterRegistry().counter("skipped")),
                template,
                Duration.ofMillis(500),
                new CheckpointWriteOutcomes(checkpointTopic, new SimpleMeterRegistry(), Clock.systemUTC()));
        RecordFactory records = new RecordFactory(ContentMode.BINARY);
        Supplier<TransactionalSender> transactions = transactional
                ? PublishConfiguration.transactionalSenders(
                        settings, "kube-event-bridge." + name, records, checkpoints, true)
                : null;
        publisher = new KafkaEventPublisher(
                template,
                transactions,
                records,
                queue,
                checkpoints,
                new PublishSettings(true, Duration.ofSeconds(20), TRANSACTION_INTERVAL),
                metrics,
                Clock.systemUTC());
        // Nothing else uses its transactional.id: no other producer fences it.
        publisher.begin(() -> {});
    }

    /**
     * Events/s: on one thread (as on an informer's), normalise each object and hand it to the publisher, as the change
     * handler does; then wait until every event is published and every checkpoint written.
     */
    double round(PublishWorkload workload) throws InterruptedException {
        ThreadCpu threads = ThreadCpu.start();
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        for (PublishWorkload.Change change : workload.changes()) {
            metrics.received(change.type(), Operation.CREATED);
            publisher.publish(workload.outgoing(change));
        }
        long handedOver = System.nanoTime();
        awaitPublished();
        long published = System.nanoTime();
        writeCheckpoints();
        long end = System.nanoTime();
        System.out.printf(
                "%s round: %.0f ms normalising and queueing, %.0f ms more until published, %.0f ms more for the"
                        + " checkpoints; %.1f µs of CPU per event in the JVM (broker included)%n",
                label,
                (handedOver - start) / 1e6,
                (published - handedOver) / 1e6,
                (end - published) / 1e6,
                (ProcessCpu.nanos() - cpuStart) / 1e3 / workload.events());
        threads.print(label, workload.events());
        return workload.events() / ((end - start) / 1e9);
    }

    /** Where a change handler hands its events, for cases that measure more of the bridge than this path. */
    public EventPublisher publisher() {
        return publisher;
    }

    /** Waits until every event handed over is published and every checkpoint written. */
    public void drain() throws InterruptedException {
        awaitPublished();
        writeCheckpoints();
    }

    private void awaitPublished() throws InterruptedException {
        if (!queue.awaitEmpty(ROUND_TIMEOUT)) {
            throw new IllegalStateException(label + " round: " + queue.size() + " events not published");
        }
    }

    // Without transactions the checkpoints of the last events are still to write; with, they were committed.
    private void writeCheckpoints() {
        checkpoints.write();
        template.flush();
    }

    @Override
    public void close() {
        publisher.finish();
        producers.destroy();
    }
}
