package io.kubeeventbridge.informer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cached objects carry which label: for each label ({@code key=value}), the store keys of the objects. Kept by
 * the {@link CompactItemStore} as entries are compacted, with the labels of the compact state; read by label-scoped
 * lists, which check the labels of every object they fetch, since an index entry may outlive the label.
 *
 * <p>Ours rather than a fabric8 indexer, for memory and for the informer thread: an indexer keeps a {@code key=value}
 * string for every label of every object and a concurrent set for every label value, even one a single object
 * carries (a {@code pod-template-hash}), and runs on the informer thread, which a sync waits for. This index holds a
 * label of one object in an immutable one-element set, and is kept on the handler thread.
 */
final class LabelIndex {

    private record Label(String key, String value) {}

    private final Map<Label, Set<String>> keysByLabel = new ConcurrentHashMap<>();

    /**
     * {@code key}'s object, found under labels {@code before}, is now to be found under labels {@code after}; either
     * may be empty. New labels are added before old ones are removed, so that a label the object keeps never leaves
     * the index.
     */
    void update(String key, Map<String, String> before, Map<String, String> after) {
        after.forEach((label, value) -> {
            if (!value.equals(before.get(label))) {
                keysByLabel.compute(new Label(label, value), (ignored, keys) -> with(keys, key));
            }
        });
        before.forEach((label, value) -> {
            if (!value.equals(after.get(label))) {
                keysByLabel.computeIfPresent(new Label(label, value), (ignored, keys) -> without(keys, key));
            }
        });
    }

    /** The store keys of the objects labelled {@code key=value}, never {@code null}; may change while read. */
    Set<String> keys(String key, String value) {
        return keysByLabel.getOrDefault(new Label(key, value), Set.of());
    }

    // One key: an immutable set. More: a concurrent set, which readers may iterate while it changes.
    private static Set<String> with(Set<String> keys, String key) {
        if (keys == null) {
            return Set.of(key);
        }
        if (keys.contains(key)) {
            return keys;
        }
        Set<String> grown = keys.size() > 1 ? keys : copy(keys);
        grown.add(key);
        return grown;
    }

    private static Set<String> without(Set<String> keys, String key) {
        if (keys.size() == 1) {
            return keys.contains(key) ? null : keys;
        }
        keys.remove(key);
        return keys;
    }

    private static Set<String> copy(Set<String> keys) {
        Set<String> copy = ConcurrentHashMap.newKeySet();
        copy.addAll(keys);
        return copy;
    }
}
