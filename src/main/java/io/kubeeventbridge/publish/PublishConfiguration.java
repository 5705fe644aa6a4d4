package io.kubeeventbridge.publish;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.health.EventMetrics;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    private static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    @Bean
    TopicNames topicNames(BridgeProperties properties) {
        return new TopicNames(properties.kafka());
    }

    @Bean
    KafkaEventPublisher eventPublisher(
            KafkaTemplate<String, byte[]> kafka, BridgeProperties properties, EventMetrics metrics) {
        return new KafkaEventPublisher(
                kafka,
                new RecordFactory(properties.kafka().contentMode()),
                properties.kafka().tombstones(),
                metrics,
                RETRY_DELAY);
    }
}
