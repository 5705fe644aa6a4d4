package io.kubeeventbridge.predicate;

import io.kubeeventbridge.payload.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Where two states of an object differ, as the JSON pointers of the changed values, leaving out what never counts
 * as a change (the resourceVersion and managedFields) and what the caller ignores. Values are compared as JSON:
 * maps by key whatever their order, arrays index by index; a value whose type changed is changed as a whole.
 */
final class ContentDiff {

    /** Bookkeeping of the API server that changes with writes, whatever else did. */
    static final List<PointerPattern> NEVER_A_CHANGE =
            List.of(PointerPattern.parse("/metadata/resourceVersion"), PointerPattern.parse("/metadata/managedFields"));

    private final List<PointerPattern> ignored;

    ContentDiff(List<PointerPattern> ignored) {
        List<PointerPattern> all = new ArrayList<>(NEVER_A_CHANGE);
        all.addAll(ignored);
        this.ignored = List.copyOf(all);
    }

    /** The pointers of the values that differ between {@code before} and {@code after}, sorted. */
    TreeSet<String> changed(JsonNode before, JsonNode after) {
        TreeSet<String> changed = new TreeSet<>();
        compare(before, after, new ArrayList<>(), changed);
        return changed;
    }

    private void compare(JsonNode before, JsonNode after, List<String> path, TreeSet<String> changed) {
        if (isIgnored(path)) {
            return;
        }
        if (before == null || after == null || before.getNodeType() != after.getNodeType()) {
            changed.add(pointer(path));
        } else if (before.isObject()) {
            TreeSet<String> keys = new TreeSet<>(before.propertyNames());
            keys.addAll(after.propertyNames());
            for (String key : keys) {
                descend(before.get(key), after.get(key), path, key, changed);
            }
        } else if (before.isArray()) {
            for (int index = 0; index < Math.max(before.size(), after.size()); index++) {
                descend(before.get(index), after.get(index), path, Integer.toString(index), changed);
            }
        } else if (!before.equals(after)) {
            changed.add(pointer(path));
        }
    }

    private void descend(JsonNode before, JsonNode after, List<String> path, String token, TreeSet<String> changed) {
        path.add(token);
        compare(before, after, path, changed);
        path.remove(path.size() - 1);
    }

    private boolean isIgnored(List<String> path) {
        return ignored.stream().anyMatch(pattern -> pattern.covers(path));
    }

    static String pointer(List<String> path) {
        StringBuilder pointer = new StringBuilder();
        path.forEach(token -> pointer.append('/').append(JsonPointer.escape(token)));
        return pointer.toString();
    }
}
