package io.kubeeventbridge.health;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.informer.ResourceCaches;
import io.kubeeventbridge.informer.WatchCoordinator;
import io.kubeeventbridge.publish.PublisherState;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /** Registered as the {@code informers} contributor, which the readiness group includes. */
    @Bean
    InformersHealthIndicator informersHealthIndicator(WatchCoordinator coordinator, ResourceCaches caches) {
        return new InformersHealthIndicator(coordinator, caches);
    }

    /** Registered as the {@code kafkaPublisher} contributor, in no probe group. */
    @Bean
    KafkaPublisherHealthIndicator kafkaPublisherHealthIndicator(PublisherState publisher, BridgeProperties properties) {
        return new KafkaPublisherHealthIndicator(publisher, properties.kafka().unhealthyAfter(), Clock.systemUTC());
    }
}
