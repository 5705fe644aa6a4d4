package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;

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
        // Set, not built: fabric8 reduces every cached object on a relist, and the builder copies the labels.
        ObjectMeta metadata = new ObjectMeta();
        metadata.setNamespace(cached.namespace());
        metadata.setName(cached.name());
        metadata.setUid(cached.uid());
        metadata.setResourceVersion(cached.resourceVersion());
        // The cached, unmodifiable map: fabric8 and indexes only read it.
        metadata.setLabels(cached.labels().isEmpty() ? null : cached.labels());
        setMetadata(metadata);
    }

    CachedObject cached() {
        return cached;
    }
}
