package io.kubeeventbridge.health;

import io.kubeeventbridge.informer.InformerStatus;
import io.kubeeventbridge.informer.ResourceCaches;
import io.kubeeventbridge.informer.WatchCoordinator;
import io.kubeeventbridge.informer.WatchedEntry;
import io.kubeeventbridge.informer.WatchedEntry.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP once every watched resource's informers have synced and are running; part of the readiness group. An entry the
 * API server does not serve yet (under the {@code wait} policy) shows as missing but does not hold readiness down:
 * one uninstalled CRD must not take the bridge out of rotation. Details are keyed by the entry's property, which
 * stays the same while its state changes.
 */
final class InformersHealthIndicator extends AbstractHealthIndicator {

    private final WatchCoordinator coordinator;
    private final ResourceCaches caches;

    InformersHealthIndicator(WatchCoordinator coordinator, ResourceCaches caches) {
        super("Informer health check failed");
        this.coordinator = coordinator;
        this.caches = caches;
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
            detail.put(
                    "resource",
                    entry.type() == null
                            ? entry.entry().displayName()
                            : entry.type().toString());
            detail.put("state", entry.state().name().toLowerCase(Locale.ROOT));
            if (entry.state() == State.WATCHED) {
                ready &= describeInformers(caches.statuses(entry.type()), detail);
            } else {
                detail.put("problem", entry.problem());
            }
            builder.withDetail(entry.property(), detail);
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
