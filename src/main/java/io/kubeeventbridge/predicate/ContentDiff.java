package io.kubeeventbridge.predicate;

import io.kubeeventbridge.payload.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Where two states of an object differ, as the JSON pointers of the changed values, leaving out where changes do not
 * count ({@link IgnoredPaths}). Values are compared as JSON:
 * maps by key whatever their order, arrays index by index; a value whose type changed is changed as a whole.
 */
final class ContentDiff {

    private final IgnoredPaths ignored;

    ContentDiff(IgnoredPaths ignored) {
        this.ignored = ignored;
    }

    /** The pointers of the values that differ between {@code before} and {@code after}, sorted. */
    TreeSet<String> changed(JsonNode before, JsonNode after) {
        TreeSet<String> changed = new TreeSet<>();
        compare(before, after, new ArrayList<>(), changed);
        return changed;
    }

    private void compare(JsonNode before, JsonNode after, List<String> path, TreeSet<String> changed) {
        if (ignored.covers(path)) {
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

    static String pointer(List<String> path) {
        StringBuilder pointer = new StringBuilder();
        path.forEach(token -> pointer.append('/').append(JsonPointer.escape(token)));
        return pointer.toString();
    }
}
