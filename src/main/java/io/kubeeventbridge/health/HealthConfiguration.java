package io.kubeeventbridge.health;

import io.kubeeventbridge.informer.ResourceCaches;
import io.kubeeventbridge.informer.WatchCoordinator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /** Registered as the {@code informers} contributor, which the readiness group includes. */
    @Bean
    InformersHealthIndicator informersHealthIndicator(WatchCoordinator coordinator, ResourceCaches caches) {
        return new InformersHealthIndicator(coordinator, caches);
    }

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }
}
