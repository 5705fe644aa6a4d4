package io.kubeeventbridge.bridge;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.ChangeListenerFactory;
import io.kubeeventbridge.informer.ResourceCacheDirectory;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.predicate.ChangePredicate;
import io.kubeeventbridge.predicate.PointerPattern;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.Publishing;
import io.kubeeventbridge.publish.TopicNames;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
            BridgeProperties properties,
            EventNormaliser normaliser,
            EventPublisher publisher,
            PublishingTerms terms,
            ResourceCacheDirectory caches,
            TopicNames topics,
            EventMetrics metrics) {
        Clock clock = Clock.systemUTC();
        return (entry, type) -> terms.register(new ChangeHandler(
                type,
                topics.topicFor(entry, type),
                () -> caches.find(type.group(), type.version(), type.plural())
                        .<Collection<CachedObject>>map(cache -> cache.list(null))
                        .orElse(List.of()),
                predicate(entry, properties.kafka().changedPaths()),
                normaliser,
                publisher,
                metrics,
                clock));
    }

    // Validated at startup already, so parsing cannot fail here.
    static ChangePredicate predicate(ResourceProperties entry, boolean changedPaths) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        entry.operations().forEach(name -> operations.add(Operation.valueOf(name.toUpperCase(Locale.ROOT))));
        List<PointerPattern> ignored =
                entry.ignoreChanges().stream().map(PointerPattern::parse).toList();
        return new ChangePredicate(operations, ignored, changedPaths);
    }
}
