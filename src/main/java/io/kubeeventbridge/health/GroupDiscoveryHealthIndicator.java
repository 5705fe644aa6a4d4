package io.kubeeventbridge.health;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.informer.WatchedGroup;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * What discovery says of a group entry's group: its preferred version, the resources watched, those skipped and why,
 * and how the bridge learns of CRDs coming and going. UP while the group is served; UNKNOWN while it is not (under
 * the {@code wait} policy), so that it does not hold readiness down, as a missing kind does not.
 */
final class GroupDiscoveryHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<Optional<WatchedGroup>> group;
    private final Supplier<String> tracking;

    /**
     * @param group the group entry's state now, empty before startup
     * @param tracking how CRDs coming and going are noticed
     */
    GroupDiscoveryHealthIndicator(Supplier<Optional<WatchedGroup>> group, Supplier<String> tracking) {
        super("Discovery health check of a group entry failed");
        this.group = group;
        this.tracking = tracking;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<WatchedGroup> found = group.get();
        if (found.isEmpty()) {
            builder.outOfService().withDetail("state", "starting");
            return;
        }
        WatchedGroup watched = found.get();
        builder.withDetail("resource", watched.entry().displayName())
                .withDetail("state", watched.state().name().toLowerCase(Locale.ROOT))
                .withDetail("tracking", tracking.get());
        if (watched.state() == State.WATCHED) {
            builder.up()
                    .withDetail("version", watched.version())
                    .withDetail(
                            "resources",
                            watched.resources().stream()
                                    .map(ResourceType::toString)
                                    .sorted()
                                    .toList());
        } else {
            builder.unknown();
        }
        if (!watched.skipped().isEmpty()) {
            builder.withDetail("skipped", new TreeMap<>(watched.skipped()));
        }
        if (watched.problem() != null) {
            builder.withDetail("problem", watched.problem());
        }
    }
}
