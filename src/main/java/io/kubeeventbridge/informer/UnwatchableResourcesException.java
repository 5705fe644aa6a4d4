package io.kubeeventbridge.informer;

import java.util.List;

/** Stops startup when configured entries cannot be watched: missing under the {@code fail} policy, or duplicates. */
final class UnwatchableResourcesException extends IllegalStateException {

    private final String summary;
    private final List<String> problems;
    private final String action;

    UnwatchableResourcesException(String summary, List<String> problems, String action) {
        super(summary + ": " + String.join("; ", problems));
        this.summary = summary;
        this.problems = List.copyOf(problems);
        this.action = action;
    }

    String summary() {
        return summary;
    }

    List<String> problems() {
        return problems;
    }

    String action() {
        return action;
    }
}
