package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;

/**
 * The state of one configured entry.
 *
 * @param property where the entry is configured, e.g. {@code bridge.resources[2]}; stable, so health keys on it
 * @param entry the configured entry
 * @param state whether it is watched
 * @param type its resolved type, or {@code null} while missing or when it contradicts itself
 * @param problem why it is not watched, or {@code null} when it is
 */
public record WatchedEntry(String property, ResourceProperties entry, State state, ResourceType type, String problem) {

    /** Where an entry stands. */
    public enum State {
        /** The API server does not serve it (yet): under the wait policy it is looked up again. */
        MISSING,
        WATCHED,
        /** Resolved to a type another entry already watches, or contradicting itself; ignored. */
        REJECTED
    }

    static final String NOT_SERVED = "not served by the API server (is its CustomResourceDefinition installed?)";

    /** The property of the entry at {@code index} of {@code bridge.resources}. */
    public static String property(int index) {
        return "bridge.resources[" + index + "]";
    }

    static WatchedEntry missing(String property, ResourceProperties entry, String problem) {
        return new WatchedEntry(property, entry, State.MISSING, null, problem);
    }

    WatchedEntry watched(ResourceType resolved) {
        return new WatchedEntry(property, entry, State.WATCHED, resolved, null);
    }

    WatchedEntry rejected(ResourceType resolved, String why) {
        return new WatchedEntry(property, entry, State.REJECTED, resolved, why);
    }

    /** {@code bridge.resources[2] (example.com/v1, kind Widget)}, for logs and failure messages. */
    public String describe() {
        return property + " (" + entry.displayName() + ")";
    }
}
