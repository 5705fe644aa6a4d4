package io.kubeeventbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProducerSettingsTest {

    private final Map<String, Object> settings = new HashMap<>(Map.of(
            "bootstrap.servers",
            List.of("kafka:9092"),
            "key.serializer",
            ByteArraySerializer.class,
            "value.serializer",
            ByteArraySerializer.class,
            "acks",
            "all",
            "enable.idempotence",
            "true"));
    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void settingsKafkaAcceptsPass() {
        settings.put("not.a.producer.setting", "ignored by Kafka too");

        assertThatCode(() -> ProducerSettings.requireValid(settings, environment))
                .doesNotThrowAnyException();
    }

    @Test
    void everyRefusedSettingIsReportedByThePropertyThatSetIt() {
        refuse("acks", "allx", "spring.kafka.producer.acks");
        refuse("batch.size", "-1", "spring.kafka.producer.batch-size");
        refuse("linger.ms", "soon", "spring.kafka.producer.properties.linger.ms");
        refuse("compression.type", "zip", "spring.kafka.properties.compression.type");

        assertThatThrownBy(() -> ProducerSettings.requireValid(settings, environment))
                .isInstanceOfSatisfying(
                        InvalidProducerSettingsException.class,
                        e -> assertThat(e.problems())
                                .hasSize(4)
                                .anySatisfy(problem -> assertThat(problem)
                                        .startsWith("spring.kafka.producer.acks: Invalid value allx for configuration"
                                                + " acks"))
                                .anySatisfy(
                                        problem -> assertThat(problem).startsWith("spring.kafka.producer.batch-size: "))
                                .anySatisfy(problem ->
                                        assertThat(problem).startsWith("spring.kafka.producer.properties.linger.ms: "))
                                .anySatisfy(problem ->
                                        assertThat(problem).startsWith("spring.kafka.properties.compression.type: ")));
    }

    @Test
    void settingSetNoWaySpringNamesIsReportedByItsKafkaName() {
        settings.put("max.block.ms", "never");

        assertThatThrownBy(() -> ProducerSettings.requireValid(settings, environment))
                .hasMessageContaining("Kafka producer setting max.block.ms: Invalid value never");
    }

    @Test
    void settingsThatOnlyFailTogetherAreRefused() {
        settings.put("acks", "1");

        assertThatThrownBy(() -> ProducerSettings.requireValid(settings, environment))
                .isInstanceOf(InvalidProducerSettingsException.class)
                .hasMessageContaining("idempotent");
    }

    private void refuse(String setting, String value, String property) {
        settings.put(setting, value);
        environment.setProperty(property, value);
    }
}
