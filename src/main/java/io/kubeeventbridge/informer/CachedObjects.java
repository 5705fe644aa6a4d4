package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads of one informer's store: namespace-scoped lists through fabric8's namespace index, which gives keys; the
 * objects come from the {@link CompactItemStore} as they are kept, without decoding.
 */
final class CachedObjects {

    private final Indexer<GenericKubernetesResource> indexer;
    private final CompactItemStore store;

    CachedObjects(Indexer<GenericKubernetesResource> indexer, CompactItemStore store) {
        this.indexer = indexer;
        this.store = store;
    }

    List<CachedObject> list(String namespace) {
        return namespace == null ? List.copyOf(store.all()) : byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    Optional<CachedObject> get(String namespace, String name) {
        return Optional.ofNullable(store.cached(Cache.namespaceKeyFunc(namespace, name)));
    }

    int size() {
        return store.size();
    }

    // Index reads are not locked against writes: an object removed since the index was read is skipped.
    private List<CachedObject> byIndex(String index, String value) {
        return indexer.indexKeys(index, value).stream()
                .map(store::cached)
                .filter(Objects::nonNull)
                .toList();
    }
}
