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

@Configuration(proxyBeanMethods = false)
class BridgeConfiguration {

    /** Encodes with a plain mapper of its own ({@link ObjectJson}): spring.jackson.* settings never change the payload. */
    @Bean
    EventNormaliser eventNormaliser(BridgeProperties properties) {
        return new EventNormaliser(properties.clusterName());
    }

    @Bean
    ChangeListenerFactory changeHandlers(
            EventNormaliser normaliser,
            EventPublisher publisher,
            Checkpoints checkpoints,
            TopicNames topics,
            EventMetrics metrics) {
        Clock clock = Clock.systemUTC();
        return (entry, type) -> {
            String topic = topics.topicFor(entry, type);
            return new ChangeHandler(
                    type,
                    topic,
                    new Reconciliation(checkpoints.atStart(topic, type)),
                    normaliser,
                    publisher,
                    metrics,
                    clock);
        };
    }
}
