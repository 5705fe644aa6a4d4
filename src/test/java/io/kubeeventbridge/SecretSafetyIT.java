package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A Secret's values never leave the bridge: not on Kafka (read raw, headers and all), not through the query API,
 * not in the log at any level the tests enable.
 */
@SharedKafkaBroker
@ExtendWith(OutputCaptureExtension.class)
class SecretSafetyIT extends BridgeTestBase {

    private static final String NAMESPACE = "secret-safety";
    private static final String TOPIC = "k8s.core.secret";
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    @Test
    void secretValuesAppearNowhereThroughCreateUpdateAndDelete(CapturedOutput output) throws Exception {
        String name = "db-" + UUID.randomUUID().toString().substring(0, 6);
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        String key = NAMESPACE + "/" + name;

        client.secrets()
                .inNamespace(NAMESPACE)
                .resource(secret(name, first, "1"))
                .create();
        String item = "/k8s/api/v1/namespaces/{namespace}/secrets/{name}";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mvc.get().uri(item, NAMESPACE, name)).hasStatusOk());
        List<String> queried = new ArrayList<>();
        queried.add(body("/k8s/api/v1/namespaces/{namespace}/secrets", NAMESPACE));
        queried.add(body(item, NAMESPACE, name));

        client.secrets()
                .inNamespace(NAMESPACE)
                .resource(secret(name, second, "2"))
                .update();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(body(item, NAMESPACE, name)).contains("\"revision\":\"2\""));
        queried.add(body("/k8s/api/v1/namespaces/{namespace}/secrets", NAMESPACE));
        queried.add(body(item, NAMESPACE, name));
        queried.add(body("/k8s/api/v1/secrets"));

        client.secrets().inNamespace(NAMESPACE).withName(name).delete();

        // created, updated, deleted, and the tombstone
        List<ConsumerRecord<byte[], byte[]>> records = awaitRecords(key, 4);
        String everythingOnKafka = everything(records);
        // Seen on Kafka: the keys and the object, but no value and no annotation carrying values.
        assertThat(everythingOnKafka)
                .contains("\"password\"")
                .contains("\"token\"")
                .contains("\"revision\":\"2\"");
        assertThat(everythingOnKafka).doesNotContain(LAST_APPLIED);
        assertThat(queried)
                .allSatisfy(body -> assertThat(body).contains("\"password\"").doesNotContain(LAST_APPLIED));

        for (String value : List.of(first, second)) {
            assertThat(everythingOnKafka).doesNotContain(value).doesNotContain(base64(value));
            assertThat(queried)
                    .allSatisfy(body -> assertThat(body).doesNotContain(value).doesNotContain(base64(value)));
            assertThat(output.getAll()).doesNotContain(value).doesNotContain(base64(value));
        }
    }

    private static Secret secret(String name, String value, String revision) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("revision", revision)
                .addToAnnotations(LAST_APPLIED, "{\"stringData\":{\"token\":\"" + value + "\"}}")
                .endMetadata()
                .addToData("password", base64(value))
                // The mock API server keeps stringData as given; a real one folds it into data.
                .addToStringData("token", value)
                .build();
    }

    private String body(String uri, Object... variables) throws Exception {
        return mvc.get().uri(uri, variables).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every record of the topic with {@code key}, read as bytes, as a consumer without any SDK would. */
    private List<ConsumerRecord<byte[], byte[]>> awaitRecords(String key, int count) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "secret-safety-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return all.stream().filter(record -> isKey(record, key)).count() >= count;
            });
        }
        return all;
    }

    private static boolean isKey(ConsumerRecord<byte[], byte[]> record, String key) {
        return record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8));
    }

    private static String everything(List<ConsumerRecord<byte[], byte[]>> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            bytes.writeBytes(record.key() == null ? new byte[0] : record.key());
            for (Header header : record.headers()) {
                bytes.writeBytes(header.key().getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(header.value() == null ? new byte[0] : header.value());
            }
            bytes.writeBytes(record.value() == null ? new byte[0] : record.value());
            bytes.write('\n');
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
