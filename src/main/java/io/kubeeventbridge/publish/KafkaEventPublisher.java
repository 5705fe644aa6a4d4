package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.health.EventMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends events on a thread of its own, so a slow or unreachable broker (the producer blocks while it waits for
 * metadata or buffer space) never holds up an informer. The producer retries each send until its delivery timeout;
 * a send that still fails is logged with the object's identity, counted, and sent again after a pause.
 */
final class KafkaEventPublisher implements EventPublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final RecordFactory records;
    private final boolean tombstones;
    private final EventMetrics metrics;
    private final Duration retryDelay;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-publisher");
        thread.setDaemon(true);
        return thread;
    });

    KafkaEventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            RecordFactory records,
            boolean tombstones,
            EventMetrics metrics,
            Duration retryDelay) {
        this.kafka = kafka;
        this.records = records;
        this.tombstones = tombstones;
        this.metrics = metrics;
        this.retryDelay = retryDelay;
    }

    @Override
    public void publish(OutgoingEvent event) {
        sender.execute(() -> send(event));
    }

    private void send(OutgoingEvent event) {
        try {
            send(event, records.event(event));
            if (tombstones && event.operation() == Operation.DELETED) {
                send(event, records.tombstone(event));
            }
        } catch (RuntimeException e) {
            // Serialisation and producer errors that surface synchronously: this event cannot be sent as it is.
            metrics.failed(event.resource(), event.operation(), "send");
            log.error("Could not send {} to {}", event.describe(), event.topic(), e);
        }
    }

    private void send(OutgoingEvent event, ProducerRecord<String, byte[]> record) {
        kafka.send(record).whenComplete((result, error) -> {
            if (error == null) {
                if (record.value() != null) {
                    metrics.published(event.resource(), event.operation());
                }
                log.debug(
                        "Published {} to {}",
                        record.value() == null ? "tombstone of " + event.describe() : event.describe(),
                        result.getRecordMetadata());
                return;
            }
            metrics.failed(event.resource(), event.operation(), "send");
            log.warn(
                    "Kafka did not acknowledge {} on {}; sending it again in {}: {}",
                    record.value() == null ? "the tombstone of " + event.describe() : event.describe(),
                    event.topic(),
                    retryDelay,
                    error.getMessage());
            sender.schedule(() -> send(event, record), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
