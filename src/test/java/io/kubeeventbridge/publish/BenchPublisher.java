package io.kubeeventbridge.publish;

import io.kubeeventbridge.config.KafkaLayout.ContentMode;
import io.kubeeventbridge.metrics.EventMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The service's publishing path for benchmarks, on a given broker: the per-object queue, {@link KafkaEventPublisher}
 * sending through a {@link KafkaTemplate} with the service's producer settings, and {@link CheckpointStore} writing
 * the checkpoints, in a term of its own from construction to {@link #close}.
 */
public final class BenchPublisher implements AutoCloseable {

    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final CheckpointStore checkpoints;
    private final PendingEvents queue = new PendingEvents(replaced -> {});
    private final KafkaEventPublisher publisher;

    public BenchPublisher(String bootstrapServers, EventMetrics metrics) {
        producers = new DefaultKafkaProducerFactory<>(PublishThroughput.producerSettings(bootstrapServers));
        template = new KafkaTemplate<>(producers);
        String checkpointTopic = "kube-event-bridge.bench.checkpoints";
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
                Duration.ofMillis(500));
        publisher = new KafkaEventPublisher(
                template,
                null,
                new RecordFactory(ContentMode.BINARY),
                queue,
                checkpoints,
                new PublishSettings(true, Duration.ofSeconds(20), Duration.ofMillis(100)),
                metrics,
                Clock.systemUTC());
        publisher.begin(() -> {});
    }

    public EventPublisher publisher() {
        return publisher;
    }

    /** Waits until Kafka acknowledged every event handed over, then writes their checkpoints. */
    public void drain() throws InterruptedException {
        if (!queue.awaitEmpty(ROUND_TIMEOUT)) {
            throw new IllegalStateException(queue.size() + " events not acknowledged within " + ROUND_TIMEOUT);
        }
        checkpoints.write();
        template.flush();
    }

    @Override
    public void close() {
        publisher.finish();
        producers.destroy();
    }
}
