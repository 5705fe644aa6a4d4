package io.kubeeventbridge.bridge;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;

/**
 * The state of one configured entry: missing until discovery resolves it, then watched.
 *
 * @param property where the entry is configured, e.g. {@code bridge.resources[2]}
 * @param entry the configured entry
 * @param type its resolved type, or {@code null} while the API server does not serve it
 * @param problem why it is not watched, or {@code null} when it is
 */
public record WatchedEntry(String property, ResourceProperties entry, ResourceType type, String problem) {

    static final String NOT_SERVED = "not served by the API server (is its CustomResourceDefinition installed?)";

    static WatchedEntry missing(String property, ResourceProperties entry) {
        return new WatchedEntry(property, entry, null, NOT_SERVED);
    }

    WatchedEntry watching(ResourceType resolved) {
        return new WatchedEntry(property, entry, resolved, null);
    }

    WatchedEntry rejected(ResourceType resolved, String why) {
        return new WatchedEntry(property, entry, resolved, why);
    }

    public boolean isMissing() {
        return type == null;
    }

    public boolean isWatched() {
        return type != null && problem == null;
    }

    public String describe() {
        return property + " (" + entry.displayName() + ")";
    }
}
