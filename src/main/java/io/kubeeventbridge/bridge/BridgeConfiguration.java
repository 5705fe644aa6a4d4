package io.kubeeventbridge.bridge;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.informer.ChangeListenerFactory;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.publish.Checkpoints;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.TopicNames;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class BridgeConfiguration {

    /** A plain mapper of its own: spring.jackson.* settings must not change the event payload. */
    @Bean
    EventNormaliser eventNormaliser(BridgeProperties properties) {
        return new EventNormaliser(
                properties.clusterName(), JsonMapper.builder().build());
    }

    @Bean
    ChangeListenerFactory changeHandlers(
            EventNormaliser normaliser,
            EventPublisher publisher,
            Checkpoints checkpoints,
            TopicNames topics,
            EventMetrics metrics) {
        Clock clock = Clock.systemUTC();
        return (entry, type) -> new ChangeHandler(
                type,
                topics.topicFor(entry, type),
                new Reconciliation(checkpoints.atStart(type.toString())),
                normaliser,
                publisher,
                metrics,
                clock);
    }
}
