package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Modifies each object an informer receives, in place, before it is cached or handed to the {@link ChangeListener}:
 * neither ever sees the object as it came from the API server. fabric8 may pass one object more than once, so
 * implementations must be idempotent; they run on informer threads and must not block.
 */
@FunctionalInterface
public interface ObjectFilter {

    ObjectFilter NONE = object -> {};

    void apply(GenericKubernetesResource object);
}
