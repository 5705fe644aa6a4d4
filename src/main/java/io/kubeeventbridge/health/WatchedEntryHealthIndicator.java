package io.kubeeventbridge.health;

import io.kubeeventbridge.informer.InformerStatusSource;
import io.kubeeventbridge.informer.WatchedEntry;
import io.kubeeventbridge.informer.WatchedEntry.State;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of one configured entry, a member of the {@code informers} composite, which the readiness group
 * includes. UP once the entry's informers have synced and are running; OUT_OF_SERVICE before that, and while the
 * bridge stops them; DOWN once one has stopped for good. An entry the API server does not serve (yet), under the
 * {@code wait} policy, is UNKNOWN, so it does not hold readiness down: one uninstalled CRD must not take the bridge
 * out of rotation.
 */
final class WatchedEntryHealthIndicator extends AbstractHealthIndicator {

    private final String property;
    private final Supplier<List<WatchedEntry>> entries;
    private final InformerStatusSource informers;

    /**
     * @param property the entry's property, e.g. {@code bridge.resources[2]}
     * @param entries the state of every configured entry, as the watch coordinator has it now
     */
    WatchedEntryHealthIndicator(String property, Supplier<List<WatchedEntry>> entries, InformerStatusSource informers) {
        super("Health check of " + property + " failed");
        this.property = property;
        this.entries = entries;
        this.informers = informers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<WatchedEntry> found = entries.get().stream()
                .filter(entry -> entry.property().equals(property))
                .findFirst();
        if (found.isEmpty()) {
            builder.outOfService().withDetail("state", "starting");
            return;
        }
        WatchedEntry entry = found.get();
        builder.withDetail(
                        "resource",
                        entry.state() == State.WATCHED
                                ? entry.type().toString()
                                : entry.entry().displayName())
                .withDetail("state", entry.state().name().toLowerCase(Locale.ROOT));
        if (entry.state() != State.WATCHED) {
            builder.unknown().withDetail("problem", entry.problem());
            return;
        }
        InformerDetails.report(entry.type(), informers, builder);
    }
}
