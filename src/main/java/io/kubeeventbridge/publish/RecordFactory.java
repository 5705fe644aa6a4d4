package io.kubeeventbridge.publish;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.kubeeventbridge.config.KafkaLayout.ContentMode;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Turns events into Kafka records through the CloudEvents Kafka protocol binding, in the configured mode. */
final class RecordFactory {

    private final EventFormat structuredFormat;

    RecordFactory(ContentMode mode) {
        this.structuredFormat = mode == ContentMode.STRUCTURED ? new JsonFormat() : null;
    }

    ProducerRecord<String, byte[]> event(OutgoingEvent event) {
        var writer = KafkaMessageFactory.createWriter(event.topic(), event.key());
        return structuredFormat == null
                ? writer.writeBinary(event.event())
                : writer.writeStructured(event.event(), structuredFormat);
    }

    /** The null-valued record that tells a compacted topic to forget the key. */
    ProducerRecord<String, byte[]> tombstone(OutgoingEvent deleted) {
        return new ProducerRecord<>(deleted.topic(), deleted.key(), null);
    }
}
