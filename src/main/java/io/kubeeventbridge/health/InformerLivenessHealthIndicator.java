package io.kubeeventbridge.health;

import io.kubeeventbridge.informer.InformerStatus;
import io.kubeeventbridge.informer.InformerStatusSource;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN once an informer has stopped for good, which only a restart mends; the liveness group includes it. A watch
 * that reconnects, a list that keeps failing and an informer not synced yet are for readiness, and leave it UP.
 */
final class InformerLivenessHealthIndicator extends AbstractHealthIndicator {

    private final InformerStatusSource informers;

    InformerLivenessHealthIndicator(InformerStatusSource informers) {
        super("Informer liveness check failed");
        this.informers = informers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> stopped = informers.statuses().stream()
                .filter(InformerStatus::stoppedForGood)
                .map(status -> status.target().describe())
                .sorted()
                .toList();
        if (stopped.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("stopped", stopped);
        }
    }
}
