package io.kubeeventbridge.event;

import static io.kubeeventbridge.event.CloudEventAssertions.assertSameEvent;
import static io.kubeeventbridge.event.CloudEventAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.kubeeventbridge.event.NormalisationCases.Case;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every event of the normaliser's table survives the wire formats consumers read, through the CloudEvents SDK
 * on both sides: the JSON event format, and the Kafka binding in binary and structured mode.
 */
class EventWireFormatTest {

    private static final String TOPIC = "k8s.apps.deployment";
    private static final String CASES = "io.kubeeventbridge.event.NormalisationCases#cases";

    private final EventNormaliser normaliser = new EventNormaliser(NormalisationCases.CLUSTER);

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void jsonFormatEmbedsDataAsJsonObjectAndReadsBackTheSameEvent(Case c) {
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

        byte[] serialised = format.serialize(normalise(c));

        assertDataEmbeddedAsJsonObject(serialised, c.expected());
        assertSameEvent(format.deserialize(serialised), c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void kafkaBinaryModeCarriesDataAsValueAndReadsBackTheSameEvent(Case c) {
        CloudEvent event = normalise(c);
        String key = (String) event.getExtension(EventExtensions.PARTITION_KEY);

        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(TOPIC, key).writeBinary(event);

        assertThat(record.key()).isEqualTo(c.expected().getExtension("partitionkey"));
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_id")).isEqualTo(c.expected().getId());
        assertThat(json(record.value())).isEqualTo(json(c.expected().getData().toBytes()));
        assertSameEvent(readBack(record), c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void kafkaStructuredModeEmbedsDataAsJsonObjectAndReadsBackTheSameEvent(Case c) {
        CloudEvent event = normalise(c);
        String key = (String) event.getExtension(EventExtensions.PARTITION_KEY);

        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(TOPIC, key).writeStructured(event, JsonFormat.CONTENT_TYPE);

        assertThat(record.key()).isEqualTo(c.expected().getExtension("partitionkey"));
        assertThat(header(record, "content-type")).isEqualTo(JsonFormat.CONTENT_TYPE);
        assertDataEmbeddedAsJsonObject(record.value(), c.expected());
        assertSameEvent(readBack(record), c.expected());
    }

    private CloudEvent normalise(Case c) {
        return normaliser.normalise(c.type(), c.operation(), c.object(), NormalisationCases.OBSERVED_AT);
    }

    private static void assertDataEmbeddedAsJsonObject(byte[] structured, CloudEvent expected) {
        JsonNode envelope = json(structured);
        assertThat(envelope.has("data_base64")).as("data_base64 present").isFalse();
        assertThat(envelope.get("data").isObject()).as("data is a JSON object").isTrue();
        assertThat(envelope.get("data")).isEqualTo(json(expected.getData().toBytes()));
    }

    private static CloudEvent readBack(ProducerRecord<String, byte[]> record) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        }
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
