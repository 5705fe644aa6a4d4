package io.kubeeventbridge.predicate;

import io.kubeeventbridge.payload.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@link ContentDiff} as first written, on decoded trees: the reference that the comparison of texts must agree with,
 * pointer for pointer.
 */
final class TreeDiff {

    private final IgnoredPaths ignored;

    TreeDiff(IgnoredPaths ignored) {
        this.ignored = ignored;
    }

    /** The pointers of the values that differ between {@code before} and {@code after}, sorted. */
    TreeSet<String> changed(JsonNode before, JsonNode after) {
        TreeSet<String> changed = new TreeSet<>();
        compare(before, after, new ArrayList<>(), changed);
        return changed;
    }

    /** @param before {@code null} for a key the map before lacks; likewise {@code after} */
    private void compare(JsonNode before, JsonNode after, List<String> path, TreeSet<String> changed) {
        if (ignored.covers(path)) {
            return;
        }
        if (isMapOrNone(before) && isMapOrNone(after)) {
            compareKeys(before, after, path, changed);
        } else if (before == null || after == null || before.getNodeType() != after.getNodeType()) {
            changed.add(pointer(path));
        } else if (before.isArray()) {
            compareElements(before, after, path, changed);
        } else if (!before.equals(after)) {
            changed.add(pointer(path));
        }
    }

    /** The keys of {@code before}, then those only {@code after} has: the result is sorted anyway. */
    private void compareKeys(JsonNode before, JsonNode after, List<String> path, TreeSet<String> changed) {
        if (before != null) {
            for (String key : before.propertyNames()) {
                descend(before.get(key), after == null ? null : after.get(key), path, key, changed);
            }
        }
        if (after != null) {
            for (String key : after.propertyNames()) {
                if (before == null || !before.has(key)) {
                    descend(null, after.get(key), path, key, changed);
                }
            }
        }
    }

    /** An element one array has and the other has not is changed, unless ignored. */
    private void compareElements(JsonNode before, JsonNode after, List<String> path, TreeSet<String> changed) {
        for (int index = 0; index < Math.max(before.size(), after.size()); index++) {
            String token = Integer.toString(index);
            if (index < before.size() && index < after.size()) {
                descend(before.get(index), after.get(index), path, token, changed);
            } else {
                path.add(token);
                if (!ignored.covers(path)) {
                    changed.add(pointer(path));
                }
                path.remove(path.size() - 1);
            }
        }
    }

    private void descend(JsonNode before, JsonNode after, List<String> path, String token, TreeSet<String> changed) {
        path.add(token);
        compare(before, after, path, changed);
        path.remove(path.size() - 1);
    }

    private static boolean isMapOrNone(JsonNode value) {
        return value == null || value.isObject();
    }

    static String pointer(List<String> path) {
        StringBuilder pointer = new StringBuilder();
        path.forEach(token -> pointer.append('/').append(JsonPointer.escape(token)));
        return pointer.toString();
    }
}
