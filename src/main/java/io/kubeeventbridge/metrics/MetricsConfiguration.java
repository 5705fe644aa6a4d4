package io.kubeeventbridge.metrics;

import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.leadership.LeadershipStatus.Role;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    MeterBinder leadershipMetrics(LeadershipStatus leadership) {
        return registry -> {
            Gauge.builder("bridge.leader", leadership, status -> status.view().role() == Role.LEADER ? 1 : 0)
                    .description("1 while this replica leads and publishes, 0 while it stands by")
                    .register(registry);
            FunctionCounter.builder("bridge.leadership.changes", leadership, LeadershipStatus::changes)
                    .description("How often this replica became leader or stopped leading")
                    .register(registry);
        };
    }
}
