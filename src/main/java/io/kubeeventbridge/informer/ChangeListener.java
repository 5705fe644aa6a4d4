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

    void onChange(Operation operation, GenericKubernetesResource object);
}
