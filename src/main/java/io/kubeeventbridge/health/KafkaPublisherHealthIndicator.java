package io.kubeeventbridge.health;

import io.kubeeventbridge.publish.CheckpointWriteState;
import io.kubeeventbridge.publish.PublisherState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN once sends to Kafka, or writes of checkpoints, have kept failing for longer than
 * {@code bridge.kafka.unhealthy-after}. Not part of readiness or liveness: while Kafka is away the queue keeps every
 * object's latest change, and restarting or unrouting the bridge would not bring Kafka back. Checkpoints that are not
 * written lose nothing either, but a checkpoint topic that keeps refusing them has every restart and every new leader
 * publish again what changed meanwhile, which health must not call UP.
 */
final class KafkaPublisherHealthIndicator extends AbstractHealthIndicator {

    private final PublisherState publisher;
    private final CheckpointWriteState checkpoints;
    private final Duration unhealthyAfter;
    private final Clock clock;

    KafkaPublisherHealthIndicator(
            PublisherState publisher, CheckpointWriteState checkpoints, Duration unhealthyAfter, Clock clock) {
        super("Kafka publisher health check failed");
        this.publisher = publisher;
        this.checkpoints = checkpoints;
        this.unhealthyAfter = unhealthyAfter;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant sendsFailingSince = publisher.failingSince();
        Instant checkpointsFailingSince = checkpoints.failingSince();
        builder.withDetail("queuedEvents", publisher.queuedEvents());
        if (sendsFailingSince != null) {
            builder.withDetail("failingSince", sendsFailingSince.toString())
                    .withDetail("lastError", publisher.lastError());
        }
        if (checkpointsFailingSince != null) {
            builder.withDetail("checkpointsFailingSince", checkpointsFailingSince.toString())
                    .withDetail("checkpointsLastError", checkpoints.lastError());
        }
        if (failingTooLong(sendsFailingSince) || failingTooLong(checkpointsFailingSince)) {
            builder.down();
        } else {
            builder.up();
        }
    }

    private boolean failingTooLong(Instant failingSince) {
        return failingSince != null
                && Duration.between(failingSince, clock.instant()).compareTo(unhealthyAfter) > 0;
    }
}
