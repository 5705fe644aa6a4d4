package io.kubeeventbridge.health;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerStatusSource;
import io.kubeeventbridge.informer.WatchedGroup;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * The health of one group entry ({@code api-version: example.com/*}), a member of the {@code informers} composite:
 * a {@code discovery} member ({@link GroupDiscoveryHealthIndicator}), and one member per resource watched, named as
 * the resource ({@code example.com/v1/widgets}, never a name {@code discovery} could take), which comes and goes with
 * the resource.
 */
final class GroupEntryHealthContributor implements CompositeHealthContributor {

    static final String DISCOVERY = "discovery";

    private final String property;
    private final Supplier<List<WatchedGroup>> groups;
    private final InformerStatusSource informers;
    private final GroupDiscoveryHealthIndicator discovery;

    /**
     * @param property the entry's property, e.g. {@code bridge.resources[2]}
     * @param groups the state of every group entry, as the watch coordinator has it now
     * @param tracking how CRDs coming and going are noticed
     */
    GroupEntryHealthContributor(
            String property,
            Supplier<List<WatchedGroup>> groups,
            Supplier<String> tracking,
            InformerStatusSource informers) {
        this.property = property;
        this.groups = groups;
        this.informers = informers;
        this.discovery = new GroupDiscoveryHealthIndicator(this::state, tracking);
    }

    @Override
    public HealthContributor getContributor(String name) {
        if (DISCOVERY.equals(name)) {
            return discovery;
        }
        return resources()
                .filter(type -> type.toString().equals(name))
                .findFirst()
                .map(this::member)
                .orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        return Stream.concat(
                Stream.of(new Entry(DISCOVERY, discovery)),
                resources().map(type -> new Entry(type.toString(), member(type))));
    }

    private HealthContributor member(ResourceType type) {
        return new WatchedTypeHealthIndicator(type, informers);
    }

    private Stream<ResourceType> resources() {
        return state().stream()
                .flatMap(group -> group.resources().stream())
                .sorted(Comparator.comparing(ResourceType::toString));
    }

    private Optional<WatchedGroup> state() {
        return groups.get().stream()
                .filter(group -> group.property().equals(property))
                .findFirst();
    }
}
