package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import java.util.List;
import java.util.Map;

/**
 * The state of one group entry ({@code api-version: example.com/*}).
 *
 * @param property where the entry is configured, e.g. {@code bridge.resources[2]}
 * @param state {@link State#WATCHED} while the API server serves the group, {@link State#MISSING} otherwise
 * @param version the group's preferred version, or {@code null} while missing
 * @param resources the resources watched, each at the preferred version
 * @param skipped the resources of the group not watched, by name, each with the reason
 * @param problem why the group is missing, or why the last look at it failed (its resources are still watched then);
 *     {@code null} when all is well
 */
public record WatchedGroup(
        String property,
        ResourceProperties entry,
        State state,
        String version,
        List<ResourceType> resources,
        Map<String, String> skipped,
        String problem) {

    public WatchedGroup {
        resources = List.copyOf(resources);
        skipped = Map.copyOf(skipped);
    }

    static WatchedGroup missing(String property, ResourceProperties entry, String problem) {
        return new WatchedGroup(property, entry, State.MISSING, null, List.of(), Map.of(), problem);
    }

    /** The same state, with a failed look at the group to report. */
    WatchedGroup failed(String why) {
        return new WatchedGroup(property, entry, state, version, resources, skipped, why);
    }

    /** {@code bridge.resources[2] (example.com/*)}, for logs and failure messages. */
    public String describe() {
        return property + " (" + entry.displayName() + ")";
    }
}
