package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.discovery.GroupResources;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group entry ({@code api-version: example.com/*}) following its group: it watches, with the entry's settings,
 * every resource discovery serves in the group at its preferred version, except those another entry names (that
 * entry's settings govern them), starts the informers of resources that appear and stops those of resources that go
 * away. Stopping publishes nothing: the API server deletes a CRD's objects before the CRD, and the watch has reported
 * those deletes. Called by one thread at a time; {@link #state()} may be read from any.
 */
final class GroupWatch {

    private static final Logger log = LoggerFactory.getLogger(GroupWatch.class);

    private final String property;
    private final ResourceProperties entry;
    private final Function<ResourceType, Optional<String>> claimedBy;
    private final EntryInformers informers;
    private volatile WatchedGroup state;

    /** @param claimedBy the property of the other entry that names a type, if one does */
    GroupWatch(
            String property,
            ResourceProperties entry,
            Function<ResourceType, Optional<String>> claimedBy,
            EntryInformers informers) {
        this.property = property;
        this.entry = entry;
        this.claimedBy = claimedBy;
        this.informers = informers;
        this.state = WatchedGroup.missing(property, entry, "not looked up yet");
    }

    String group() {
        return entry.group();
    }

    WatchedGroup state() {
        return state;
    }

    /** Watches what discovery serves now: {@code served} is empty when the API server does not serve the group. */
    void follow(Optional<GroupResources> served) {
        if (served.isEmpty()) {
            state.resources().forEach(this::stop);
            state = WatchedGroup.missing(property, entry, WatchedEntry.NOT_SERVED);
            return;
        }
        Map<String, String> skipped = new TreeMap<>(served.get().skipped());
        List<ResourceType> watched = new ArrayList<>();
        for (ResourceType type : served.get().watchable()) {
            claimedBy
                    .apply(type)
                    .ifPresentOrElse(
                            other -> skipped.put(type.plural(), "watched by " + other), () -> watched.add(type));
        }
        List<ResourceType> before = state.resources();
        before.stream().filter(type -> !watched.contains(type)).forEach(this::stop);
        watched.stream().filter(type -> !before.contains(type)).forEach(this::start);
        state = new WatchedGroup(property, entry, State.WATCHED, served.get().version(), watched, skipped, null);
    }

    /** A look at the group failed: what is watched stays watched, and the failure is reported. */
    void failed(String why) {
        state = state.failed(why);
    }

    private void start(ResourceType type) {
        log.info("{}: watching {}", state.describe(), type);
        informers.start(state.describe(), entry, type);
    }

    private void stop(ResourceType type) {
        log.info("{}: the group no longer serves {}; stopped watching it", state.describe(), type);
        informers.stop(type);
    }
}
