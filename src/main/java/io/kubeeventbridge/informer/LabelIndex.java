package io.kubeeventbridge.informer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which cached objects carry which label: for each label ({@code key=value}), the store keys of the objects. Kept by
 * the {@link CompactItemStore} for its compact entries; read by label-scoped lists, which check the labels of every
 * object they fetch, so a list racing an update sees at worst an object it then filters out.
 *
 * <p>Ours rather than a fabric8 indexer, for memory and for the informer thread: an indexer keeps a {@code key=value}
 * string for every label of every object and a concurrent set for every label value, even one a single object
 * carries (a {@code pod-template-hash}), and runs on the informer thread, which a sync waits for. This index keeps
 * the store's key strings, holds a label of one object in an immutable one-element set, and is filled on the handler
 * thread as entries are compacted.
 */
final class LabelIndex {

    private record Label(String key, String value) {}

    private final Map<Label, Set<String>> keysByLabel = new ConcurrentHashMap<>();

    /** {@code key}'s object, carrying {@code labels}, is to be found under each of them. */
    void add(String key, Map<String, String> labels) {
        labels.forEach(
                (label, value) -> keysByLabel.compute(new Label(label, value), (ignored, keys) -> with(keys, key)));
    }

    /** {@code key}'s object, which carried {@code labels}, is no longer to be found under them. */
    void remove(String key, Map<String, String> labels) {
        labels.forEach((label, value) ->
                keysByLabel.computeIfPresent(new Label(label, value), (ignored, keys) -> without(keys, key)));
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
