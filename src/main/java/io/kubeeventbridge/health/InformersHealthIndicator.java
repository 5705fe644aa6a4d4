package io.kubeeventbridge.health;

import io.kubeeventbridge.bridge.WatchCoordinator;
import io.kubeeventbridge.bridge.WatchedEntry;
import io.kubeeventbridge.informer.InformerStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP once every watched resource's informers have synced and are running; part of the readiness group. An entry the
 * API server does not serve yet (under the {@code wait} policy) shows as missing but does not hold readiness down:
 * one uninstalled CRD must not take the bridge out of rotation.
 */
final class InformersHealthIndicator extends AbstractHealthIndicator {

    private final WatchCoordinator coordinator;

    InformersHealthIndicator(WatchCoordinator coordinator) {
        super("Informer health check failed");
        this.coordinator = coordinator;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<WatchedEntry> entries = coordinator.entries();
        if (entries.isEmpty()) {
            builder.down().withDetail("reason", "informers not started yet");
            return;
        }
        boolean ready = true;
        for (WatchedEntry entry : entries) {
            Map<String, Object> detail = new LinkedHashMap<>();
            if (entry.isWatched()) {
                ready &= describeInformers(coordinator.informers().statuses(entry.type()), detail);
            } else {
                detail.put("missing", entry.isMissing());
                detail.put("problem", entry.problem());
            }
            builder.withDetail(
                    entry.isMissing()
                            ? entry.entry().displayName()
                            : entry.type().toString(),
                    detail);
        }
        if (ready) {
            builder.up();
        } else {
            builder.down();
        }
    }

    /** Fills {@code detail} and tells whether all these informers are synced and running. */
    private static boolean describeInformers(List<InformerStatus> informers, Map<String, Object> detail) {
        boolean synced = informers.stream().allMatch(InformerStatus::synced);
        boolean running = informers.stream().allMatch(InformerStatus::running);
        detail.put("synced", synced);
        detail.put("running", running);
        detail.put(
                "objects", informers.stream().mapToInt(InformerStatus::objects).sum());
        informers.stream()
                .filter(status -> status.lastError() != null)
                .forEach(status -> detail.put("error " + status.target().describe(), status.lastError()));
        return synced && running;
    }
}
