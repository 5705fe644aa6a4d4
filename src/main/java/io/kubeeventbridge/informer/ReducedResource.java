package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * What {@link CompactItemStore} gives fabric8 where fabric8 asks for a stored object: apiVersion, kind and the
 * metadata that fabric8 and the indexes read (namespace, name, uid, resourceVersion, labels), and nothing else. This
 * is fabric8's own "reduced state" contract ({@code ItemStore#isFullState()} is false); the full state stays one call
 * away through {@link #cached()}, which handlers use where fabric8 hands them a stored object, as it does for a
 * delete found by a relist.
 */
final class ReducedResource extends GenericKubernetesResource {

    private final CachedObject cached;

    ReducedResource(CachedObject cached, String apiVersion, String kind) {
        this.cached = cached;
        setApiVersion(apiVersion);
        setKind(kind);
        setMetadata(new ObjectMetaBuilder()
                .withNamespace(cached.namespace())
                .withName(cached.name())
                .withUid(cached.uid())
                .withResourceVersion(cached.resourceVersion())
                .withLabels(cached.labels().isEmpty() ? null : cached.labels())
                .build());
    }

    CachedObject cached() {
        return cached;
    }
}
