package io.kubeeventbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.BridgeTestBase;
import io.kubeeventbridge.config.KafkaSettings.ContentMode;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two leaders' producers on the real broker, as after a handover to a new leader while the old one was paused: the
 * new one's {@code initTransactions} fences the old, whose later batches never reach a {@code read_committed}
 * consumer.
 */
@SharedKafkaBroker
class TransactionalSenderIT extends BridgeTestBase {

    private final String transactionalId = "fencing-" + UUID.randomUUID();
    private final CheckpointStore checkpoints =
            new CheckpointStore("fencing-checkpoints", null, null, null, Duration.ofHours(1), null);
    private KafkaEvents events;
    private TransactionalSender old;
    private TransactionalSender current;

    @AfterEach
    void close() {
        for (AutoCloseable closeable : new AutoCloseable[] {events, old, current}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void aNewLeadersProducerFencesTheOldOneWhoseLateBatchesNeverBecomeVisible() {
        events = new KafkaEvents(bootstrapServers, List.of(OutgoingEvents.TOPIC));
        old = sender();
        assertThat(old.send(List.of(OutgoingEvents.event("fence/a", Operation.CREATED, 1))))
                .isInstanceOf(TransactionalSender.Committed.class);

        current = sender();

        assertThat(old.send(List.of(OutgoingEvents.event("fence/a", Operation.UPDATED, 2))))
                .isInstanceOf(TransactionalSender.Fenced.class);
        assertThat(current.send(List.of(OutgoingEvents.event("fence/a", Operation.UPDATED, 3))))
                .isInstanceOf(TransactionalSender.Committed.class);
        List<KafkaEvents.Received> received = events.awaitRecords("fence/a", 2);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> events.poll("fence/a").size() == 2);
        assertThat(received)
                .extracting(record -> record.event().getExtension("resourceversion"))
                .containsExactly("1", "3");
    }

    private TransactionalSender sender() {
        return new TransactionalSender(
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
                        new ByteArraySerializer(),
                        new ByteArraySerializer()),
                new RecordFactory(ContentMode.BINARY),
                checkpoints,
                true);
    }
}
