package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Modifies each object an informer receives, in place, before it is cached or handed to the {@link ChangeListener}:
 * neither ever sees the object as it came from the API server. An object may be filtered twice (where it enters the
 * store and where its change is handed over), so implementations must be idempotent, and filtering an object again
 * must not modify it: the query API may be encoding it meanwhile. They run on informer threads and must not block.
 */
@FunctionalInterface
public interface ObjectFilter {

    ObjectFilter NONE = object -> {};

    void apply(GenericKubernetesResource object);
}
