package io.kubeeventbridge.bridge;

import java.util.List;

/** Stops startup under {@code bridge.informer.missing-resource=fail} when configured resources are not served. */
final class MissingResourcesException extends IllegalStateException {

    private final List<WatchedEntry> missing;

    MissingResourcesException(List<WatchedEntry> missing) {
        super("Not served by the API server: "
                + String.join(", ", missing.stream().map(WatchedEntry::describe).toList()));
        this.missing = List.copyOf(missing);
    }

    List<WatchedEntry> missing() {
        return missing;
    }
}
