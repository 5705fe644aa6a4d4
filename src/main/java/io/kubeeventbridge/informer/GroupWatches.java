package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.discovery.DiscoveryAccessException;
import io.kubeeventbridge.discovery.DiscoveryUnavailableException;
import io.kubeeventbridge.discovery.GroupResolver;
import io.kubeeventbridge.discovery.GroupResources;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The group entries of the configuration. At startup each group is looked up within the discovery deadline; then,
 * every retry interval, a group is looked up again when it may have changed: when a CRD of it changed lately, or at
 * every interval while CRD changes cannot be watched, while the group is missing, or while its last look failed.
 */
final class GroupWatches {

    private final BridgeProperties properties;
    private final GroupResolver resolver;
    private final EntryInformers informers;
    private final CrdChanges crds;
    private final List<GroupWatch> groups = new CopyOnWriteArrayList<>();
    // What lookUp found, until watch() starts watching it.
    private final Map<GroupWatch, GroupResources> found = new LinkedHashMap<>();

    GroupWatches(BridgeProperties properties, GroupResolver resolver, EntryInformers informers, CrdChanges crds) {
        this.properties = properties;
        this.resolver = resolver;
        this.informers = informers;
        this.crds = crds;
    }

    /**
     * Looks every group entry up, starting no informer yet: a group not served, or not answered for in time, is
     * {@link #missing} from then on.
     *
     * @throws DiscoveryAccessException when the API server refuses discovery
     */
    void lookUp(DiscoveryDeadline deadline) {
        groups.clear();
        found.clear();
        List<ResourceProperties> configured = properties.resources();
        for (int index = 0; index < configured.size(); index++) {
            if (configured.get(index).isGroupEntry()) {
                groups.add(new GroupWatch(
                        WatchedEntry.property(index), configured.get(index), this::claimedBy, informers));
            }
        }
        for (GroupWatch group : groups) {
            try {
                Optional<GroupResources> served = deadline.lookUp(timeout -> resolver.resolve(group.group(), timeout));
                served.ifPresentOrElse(resources -> found.put(group, resources), () -> group.follow(served));
            } catch (DiscoveryUnavailableException e) {
                group.failed("not resolved: discovery failed (" + e.getMessage() + ")");
            }
        }
    }

    /** The group entries {@link #lookUp} found missing. */
    List<WatchedGroup> missing() {
        return groups.stream()
                .filter(group -> !found.containsKey(group))
                .map(GroupWatch::state)
                .toList();
    }

    /** Starts watching what {@link #lookUp} found, and the CRD changes that tell when to look again. */
    void watch() {
        found.forEach((group, resources) -> group.follow(Optional.of(resources)));
        found.clear();
        if (!groups.isEmpty()) {
            crds.start();
        }
    }

    /** Looks again at each group that may have changed, and follows it. */
    void refresh() {
        Duration timeout = properties.informer().discoveryTimeout();
        for (GroupWatch group : groups) {
            WatchedGroup state = group.state();
            boolean mayHaveChanged = state.state() == State.MISSING
                    || state.problem() != null
                    || !crds.watching()
                    || crds.changedRecently(group.group());
            if (!mayHaveChanged) {
                continue;
            }
            try {
                group.follow(resolver.resolve(group.group(), timeout));
            } catch (DiscoveryUnavailableException | DiscoveryAccessException e) {
                // After startup a refusal is one more failure to report: stopping a running bridge would be worse.
                group.failed("discovery failed (" + e.getMessage() + ")");
            }
        }
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The state of every group entry, in configuration order; empty before startup. */
    List<WatchedGroup> states() {
        return groups.stream().map(GroupWatch::state).toList();
    }

    /** How group entries learn of CRDs coming and going. */
    String tracking() {
        return crds.describe();
    }

    void stop() {
        crds.stop();
    }

    /**
     * The entry other than a group entry that names {@code type} (by plural or kind, in its group, at any version),
     * resolved or not: its own settings govern the type, and two entries must never publish one object twice.
     */
    private Optional<String> claimedBy(ResourceType type) {
        List<ResourceProperties> configured = properties.resources();
        for (int index = 0; index < configured.size(); index++) {
            ResourceProperties entry = configured.get(index);
            if (!entry.isGroupEntry()
                    && entry.group().equals(type.group())
                    && (type.plural().equals(entry.resource()) || type.kind().equalsIgnoreCase(entry.kind()))) {
                return Optional.of(WatchedEntry.property(index));
            }
        }
        return Optional.empty();
    }
}
