package io.kubeeventbridge.health;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerStatusSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The health of one resource a group entry watches: that of its informers ({@link InformerDetails}). */
final class WatchedTypeHealthIndicator extends AbstractHealthIndicator {

    private final ResourceType type;
    private final InformerStatusSource informers;

    WatchedTypeHealthIndicator(ResourceType type, InformerStatusSource informers) {
        super("Health check of " + type + " failed");
        this.type = type;
        this.informers = informers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("resource", type.toString()).withDetail("state", "watched");
        InformerDetails.report(type, informers, builder);
    }
}
