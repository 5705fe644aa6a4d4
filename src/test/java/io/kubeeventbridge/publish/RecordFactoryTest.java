package io.kubeeventbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.kubeeventbridge.config.KafkaSettings.ContentMode;
import io.kubeeventbridge.event.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordFactoryTest {

    private static final CloudEvent EVENT = CloudEventBuilder.v1()
            .withId("uid-1/7")
            .withSource(URI.create("k8s://test"))
            .withType("io.k8s.core.pod.deleted")
            .withSubject("/api/v1/namespaces/shop/pods/web-1")
            .withDataContentType("application/json")
            .withData("{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8))
            .build();
    private static final OutgoingEvent DELETED =
            new OutgoingEvent("k8s.core.pod", "shop/web-1", EVENT, OutgoingEvents.PODS, Operation.DELETED, null);

    @ParameterizedTest
    @EnumSource(ContentMode.class)
    void eventRecordCarriesTopicKeyAndAnEventTheSdkReadsBack(ContentMode mode) {
        ProducerRecord<byte[], byte[]> record = new RecordFactory(mode).event(DELETED);

        assertThat(record.topic()).isEqualTo("k8s.core.pod");
        assertThat(record.key()).asString(StandardCharsets.UTF_8).isEqualTo("shop/web-1");
        CloudEvent read = deserialize(record);
        assertThat(read.getId()).isEqualTo("uid-1/7");
        assertThat(read.getType()).isEqualTo("io.k8s.core.pod.deleted");
        assertThat(new String(read.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"kind\":\"Pod\"}");
    }

    @Test
    void binaryModePutsAttributesInHeadersAndTheObjectAsValue() {
        ProducerRecord<byte[], byte[]> record = new RecordFactory(ContentMode.BINARY).event(DELETED);

        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"kind\":\"Pod\"}");
        assertThat(header(record, "ce_id")).isEqualTo("uid-1/7");
    }

    @Test
    void structuredModePutsOneJsonEnvelopeInTheValue() {
        ProducerRecord<byte[], byte[]> record = new RecordFactory(ContentMode.STRUCTURED).event(DELETED);

        assertThat(header(record, "content-type")).startsWith("application/cloudevents+json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"id\":\"uid-1/7\"")
                .contains("\"data\":{\"kind\":\"Pod\"}");
    }

    @Test
    void tombstoneHasTheKeyAndNoValue() {
        ProducerRecord<byte[], byte[]> tombstone = new RecordFactory(ContentMode.BINARY).tombstone(DELETED);

        assertThat(tombstone.topic()).isEqualTo("k8s.core.pod");
        assertThat(tombstone.key()).asString(StandardCharsets.UTF_8).isEqualTo("shop/web-1");
        assertThat(tombstone.value()).isNull();
    }

    private static CloudEvent deserialize(ProducerRecord<byte[], byte[]> record) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            deserializer.configure(Map.of(), false);
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        }
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
