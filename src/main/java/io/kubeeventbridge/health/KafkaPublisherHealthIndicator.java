package io.kubeeventbridge.health;

import io.kubeeventbridge.publish.PublisherState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN once sends to Kafka have kept failing for longer than {@code bridge.kafka.unhealthy-after}. Not part of
 * readiness or liveness: while Kafka is away the queue keeps every object's latest change, and restarting or
 * unrouting the bridge would not bring Kafka back.
 */
final class KafkaPublisherHealthIndicator extends AbstractHealthIndicator {

    private final PublisherState publisher;
    private final Duration unhealthyAfter;
    private final Clock clock;

    KafkaPublisherHealthIndicator(PublisherState publisher, Duration unhealthyAfter, Clock clock) {
        super("Kafka publisher health check failed");
        this.publisher = publisher;
        this.unhealthyAfter = unhealthyAfter;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant failingSince = publisher.failingSince();
        builder.withDetail("queuedEvents", publisher.queuedEvents());
        if (failingSince == null) {
            builder.up();
            return;
        }
        builder.withDetail("failingSince", failingSince.toString()).withDetail("lastError", publisher.lastError());
        if (Duration.between(failingSince, clock.instant()).compareTo(unhealthyAfter) > 0) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
