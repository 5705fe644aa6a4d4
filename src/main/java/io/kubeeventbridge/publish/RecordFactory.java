package io.kubeeventbridge.publish;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.kubeeventbridge.config.KafkaSettings.ContentMode;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Turns events into Kafka records through the CloudEvents Kafka protocol binding, in the configured mode. */
final class RecordFactory {

    private final EventFormat structuredFormat;

    RecordFactory(ContentMode mode) {
        this.structuredFormat = mode == ContentMode.STRUCTURED ? new JsonFormat() : null;
    }

    ProducerRecord<byte[], byte[]> event(OutgoingEvent event) {
        var writer = KafkaMessageFactory.createWriter(event.topic(), key(event));
        return structuredFormat == null
                ? writer.writeBinary(event.event())
                : writer.writeStructured(event.event(), structuredFormat);
    }

    /** The null-valued record that tells a compacted topic to forget the key. */
    ProducerRecord<byte[], byte[]> tombstone(OutgoingEvent deleted) {
        return new ProducerRecord<>(deleted.topic(), key(deleted), null);
    }

    /** The object's partition key in UTF-8, as Kafka's StringSerializer would write it. */
    private static byte[] key(OutgoingEvent event) {
        return event.key().getBytes(StandardCharsets.UTF_8);
    }
}
