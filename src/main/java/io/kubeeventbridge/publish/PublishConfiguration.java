package io.kubeeventbridge.publish;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.metrics.EventMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    TopicNames topicNames(BridgeProperties properties) {
        return new TopicNames(properties.kafka());
    }

    @Bean
    PendingEvents pendingEvents(EventMetrics metrics, MeterRegistry registry) {
        PendingEvents queue =
                new PendingEvents(replaced -> metrics.coalesced(replaced.resource(), replaced.operation()));
        Gauge.builder("bridge.queue.depth", queue, PendingEvents::size)
                .description("Events waiting for Kafka or in flight")
                .register(registry);
        return queue;
    }

    @Bean
    KafkaEventPublisher eventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            PendingEvents queue,
            BridgeProperties properties,
            EventMetrics metrics) {
        return new KafkaEventPublisher(
                kafka,
                new RecordFactory(properties.kafka().contentMode()),
                queue,
                properties.kafka().tombstones(),
                properties.kafka().drainTimeout(),
                metrics,
                Clock.systemUTC());
    }
}
