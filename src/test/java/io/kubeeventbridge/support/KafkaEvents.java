package io.kubeeventbridge.support;

import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A test consumer of the bridge's topics, reading committed records only. Values are read with the CloudEvents SDK's
 * Kafka deserializer, as any consumer would; tombstones (null values) are kept as records without an event.
 */
public final class KafkaEvents implements AutoCloseable {

    /** One record as a consumer sees it; {@code event} is {@code null} for a tombstone. */
    public record Received(String topic, String key, CloudEvent event) {

        public boolean isTombstone() {
            return event == null;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();
    private final List<Received> received = new ArrayList<>();

    public KafkaEvents(String bootstrapServers, Collection<String> topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        "500",
                        // As the bridge's consumers must, to see only events whose transaction committed.
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(topics);
        deserializer.configure(Map.of(), false);
    }

    /** Waits until the records with {@code key} satisfy {@code condition}, and returns them in order. */
    public List<Received> awaitRecords(String key, Predicate<List<Received>> condition) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .until(() -> poll(key), condition);
    }

    /** Waits until {@code count} records with {@code key} have arrived, and returns them in order. */
    public List<Received> awaitRecords(String key, int count) {
        return awaitRecords(key, records -> records.size() >= count);
    }

    /** Reads what has arrived so far, and returns every record with {@code key}. */
    public List<Received> poll(String key) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            CloudEvent event = record.value() == null
                    ? null
                    : deserializer.deserialize(record.topic(), record.headers(), record.value());
            received.add(new Received(record.topic(), record.key(), event));
        }
        return received.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
