package io.kubeeventbridge.health;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.informer.InformerStatusSource;
import io.kubeeventbridge.informer.WatchCoordinator;
import io.kubeeventbridge.informer.WatchedEntry;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.publish.CheckpointWriteState;
import io.kubeeventbridge.publish.PublisherState;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /**
     * Registered as the {@code informers} contributor, which the readiness group includes: one member per configured
     * entry, named by its property ({@code bridge.resources[0]}), which stays the same while the entry's state
     * changes; a group entry's member has members of its own, one per resource.
     */
    @Bean
    CompositeHealthContributor informersHealthContributor(
            BridgeProperties properties, WatchCoordinator coordinator, InformerStatusSource informers) {
        Map<String, HealthContributor> entries = new LinkedHashMap<>();
        for (int index = 0; index < properties.resources().size(); index++) {
            String property = WatchedEntry.property(index);
            entries.put(
                    property,
                    properties.resources().get(index).isGroupEntry()
                            ? new GroupEntryHealthContributor(
                                    property, coordinator::groups, coordinator::groupTracking, informers)
                            : new WatchedEntryHealthIndicator(property, coordinator::entries, informers));
        }
        return CompositeHealthContributor.fromMap(entries);
    }

    /** Registered as the {@code informerLiveness} contributor, which the liveness group includes. */
    @Bean
    InformerLivenessHealthIndicator informerLivenessHealthIndicator(InformerStatusSource informers) {
        return new InformerLivenessHealthIndicator(informers);
    }

    /** Registered as the {@code leadership} contributor, in no probe group. */
    @Bean
    LeadershipHealthIndicator leadershipHealthIndicator(LeadershipStatus leadership) {
        return new LeadershipHealthIndicator(leadership);
    }

    /** Registered as the {@code kafkaPublisher} contributor, in no probe group. */
    @Bean
    KafkaPublisherHealthIndicator kafkaPublisherHealthIndicator(
            PublisherState publisher, CheckpointWriteState checkpoints, BridgeProperties properties) {
        return new KafkaPublisherHealthIndicator(
                publisher, checkpoints, properties.kafka().unhealthyAfter(), Clock.systemUTC());
    }
}
