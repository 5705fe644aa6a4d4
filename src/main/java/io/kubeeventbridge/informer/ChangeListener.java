package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.event.Operation;

/**
 * Receives the changes one informer observes, already classified: objects of the first full list are
 * {@link Operation#SNAPSHOT}s, updates that keep the resourceVersion (resyncs) are dropped, and deletes carry the
 * last known state. Called on the informer's event thread, one change at a time: implementations must not block.
 */
@FunctionalInterface
public interface ChangeListener {

    /**
     * @param object the object's state: after the change, or for a delete the last known one
     * @param json the same state as compact JSON, apiVersion and kind first ({@code ObjectJson}): the event's data;
     *     shared with the cache, never modify it
     */
    void onChange(Operation operation, GenericKubernetesResource object, byte[] json);

    /**
     * The informer's first full list is complete and every snapshot delivered: the cache holds what the API server
     * holds in the informer's scope ({@code namespace}, or all namespaces when {@code null}). Not called for relists,
     * where fabric8 itself reports what changed during the gap.
     */
    default void onFirstList(String namespace) {}

    /**
     * The bridge stopped this listener's informers for good, its type being no longer served (a CRD removed from the
     * group of a group entry): nothing more arrives, and nothing is to be published for the objects it had, since the
     * API server deleted them before the CRD and the watch reported those deletes.
     */
    default void onStopped() {}
}
