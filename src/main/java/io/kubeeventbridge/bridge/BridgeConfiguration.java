package io.kubeeventbridge.bridge;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.ChangeListenerFactory;
import io.kubeeventbridge.informer.ResourceCaches;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.Publishing;
import io.kubeeventbridge.publish.TopicNames;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BridgeConfiguration {

    private static final Duration TERM_RETRY = Duration.ofSeconds(5);

    /** Encodes with a plain mapper of its own ({@link ObjectJson}): spring.jackson.* settings never change the payload. */
    @Bean
    EventNormaliser eventNormaliser(BridgeProperties properties) {
        return new EventNormaliser(properties.clusterName());
    }

    /** What starts and stops with leadership: publishing, and the terms of every change handler. */
    @Bean
    PublishingTerms publishingTerms(Publishing publishing, LeadershipStatus leadership) {
        return new PublishingTerms(publishing, leadership, TERM_RETRY);
    }

    @Bean
    ChangeListenerFactory changeListeners(
            EventNormaliser normaliser,
            EventPublisher publisher,
            PublishingTerms terms,
            ResourceCaches caches,
            TopicNames topics,
            EventMetrics metrics) {
        Clock clock = Clock.systemUTC();
        return (entry, type) -> terms.register(new ChangeHandler(
                type,
                topics.topicFor(entry, type),
                () -> caches.find(type.group(), type.version(), type.plural())
                        .<Collection<CachedObject>>map(cache -> cache.list(null))
                        .orElse(List.of()),
                normaliser,
                publisher,
                metrics,
                clock));
    }
}
