package io.kubeeventbridge.health;

import io.kubeeventbridge.bridge.WatchCoordinator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /** Registered as the {@code informers} contributor, which the readiness group includes. */
    @Bean
    InformersHealthIndicator informersHealthIndicator(WatchCoordinator coordinator) {
        return new InformersHealthIndicator(coordinator);
    }

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }
}
