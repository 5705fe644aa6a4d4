package io.kubeeventbridge.bridge;

import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.publish.Checkpoint;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compares what a resource's cache holds when a publishing term begins, and what its first lists deliver after, with
 * the checkpoints of what was last published, so that a restart or a new leader publishes what changed while nobody
 * published, and nothing else: an unchanged object publishes nothing, a changed one {@code updated}, a new one
 * {@code created}, one that vanished {@code deleted}. Without checkpoints (a first start, or a topic never written)
 * every listed object is a {@code snapshot}.
 *
 * <p>Changed means changed as the entry's updates count changes. Where every new resourceVersion publishes an update,
 * a new resourceVersion is a change. Where updates are compared by content (see {@code ChangePredicate}), a new
 * resourceVersion whose fingerprint of what counts is the checkpoint's is none: its changes while nobody published
 * would not have published either. A checkpoint without fingerprint (written while the entry did not compare updates,
 * or by an earlier version) compares by resourceVersion: what it published is unknown beyond that.
 */
final class Reconciliation {

    /** One object's checkpoint, by its key ({@code namespace/name} or {@code name}). */
    record Vanished(String key, Checkpoint checkpoint) {}

    private final Map<String, Checkpoint> previous;
    private final Set<String> listed = ConcurrentHashMap.newKeySet();

    Reconciliation(Map<String, Checkpoint> previous) {
        this.previous = previous;
    }

    /**
     * What to publish, in order, for an object listed in this term. An object recreated under the same name while
     * nobody published is a new object: the deletion of the old one ({@link #checkpoint}) comes first, so the
     * compacted topic ends with the new one.
     *
     * @param fingerprint of what counts in the object's state where updates are compared by content, else empty;
     *     asked only when the resourceVersion is not the checkpoint's
     */
    List<Operation> listed(String key, String uid, String resourceVersion, Supplier<OptionalLong> fingerprint) {
        if (!listed.add(key)) {
            return List.of(); // listed twice: read from the cache when the term began, then notified
        }
        if (previous.isEmpty()) {
            return List.of(Operation.SNAPSHOT);
        }
        Checkpoint checkpoint = previous.get(key);
        if (checkpoint == null) {
            return List.of(Operation.CREATED);
        }
        if (!checkpoint.uid().equals(uid)) {
            return List.of(Operation.DELETED, Operation.CREATED);
        }
        if (checkpoint.resourceVersion().equals(resourceVersion) || sameContent(checkpoint, fingerprint)) {
            return List.of();
        }
        return List.of(Operation.UPDATED);
    }

    private static boolean sameContent(Checkpoint checkpoint, Supplier<OptionalLong> fingerprint) {
        if (checkpoint.fingerprint().isEmpty()) {
            return false;
        }
        OptionalLong current = fingerprint.get();
        return current.isPresent()
                && current.getAsLong() == checkpoint.fingerprint().getAsLong();
    }

    /** The previous run's checkpoint of an object, or {@code null}. */
    Checkpoint checkpoint(String key) {
        return previous.get(key);
    }

    /** The checkpointed objects in {@code namespace} (all when {@code null}) that no list of this term held. */
    List<Vanished> vanished(String namespace) {
        return previous.entrySet().stream()
                .filter(entry -> namespace == null || entry.getKey().startsWith(namespace + "/"))
                .filter(entry -> !listed.contains(entry.getKey()))
                .map(entry -> new Vanished(entry.getKey(), entry.getValue()))
                .toList();
    }
}
