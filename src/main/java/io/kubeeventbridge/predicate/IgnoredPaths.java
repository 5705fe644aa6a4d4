package io.kubeeventbridge.predicate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a change does not count: the configured {@code ignore-changes}, and the bookkeeping of the API server that
 * changes with every write, whatever else did (the resourceVersion and managedFields).
 */
final class IgnoredPaths {

    private static final List<PointerPattern> NEVER_A_CHANGE =
            List.of(PointerPattern.parse("/metadata/resourceVersion"), PointerPattern.parse("/metadata/managedFields"));

    private final List<PointerPattern> patterns;

    /** @param configured the entry's {@code ignore-changes} */
    IgnoredPaths(List<PointerPattern> configured) {
        List<PointerPattern> all = new ArrayList<>(NEVER_A_CHANGE);
        all.addAll(configured);
        this.patterns = List.copyOf(all);
    }

    /** Whether the value at {@code path} (unescaped tokens) lies where changes do not count. */
    boolean covers(List<String> path) {
        for (PointerPattern pattern : patterns) {
            if (pattern.covers(path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value at {@code path}, or one below it, may lie where changes do not count. */
    boolean mayCoverBelow(List<String> path) {
        for (PointerPattern pattern : patterns) {
            if (pattern.mayCoverBelow(path)) {
                return true;
            }
        }
        return false;
    }
}
