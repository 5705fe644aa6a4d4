package io.kubeeventbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.metrics.EventMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class PublishConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withUserConfiguration(PublishConfiguration.class, PropertiesOnly.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(EventMetrics.class, () -> new EventMetrics(new SimpleMeterRegistry()))
            .withPropertyValues("bridge.resources[0].api-version=v1", "bridge.resources[0].resource=pods");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BridgeProperties.class)
    static class PropertiesOnly {}

    @Test
    void producerSettingsKafkaRefusesStopStartupNamingEachProperty() {
        runner.withPropertyValues("spring.kafka.producer.acks=allx", "spring.kafka.producer.batch-size=-1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis =
                            new InvalidProducerSettingsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("spring.kafka.producer.acks: Invalid value allx for configuration acks")
                            .contains(
                                    "spring.kafka.producer.batch-size: Invalid value -1 for configuration batch.size");
                });
    }

    @Test
    void producerTakesBytesWhateverTheSerializerPropertiesSay() {
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

        new PublishConfiguration().bytesInBytesOut().customize(factory);

        assertThat(factory.getKeySerializer()).isInstanceOf(ByteArraySerializer.class);
        assertThat(factory.getValueSerializer()).isInstanceOf(ByteArraySerializer.class);
    }
}
