package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads of one informer's store through indexes, so that namespace- and label-scoped lists never scan the whole store:
 * fabric8's namespace index and the store's {@link LabelIndex}. The indexes give keys; the objects come from the
 * {@link CompactItemStore} as they are kept, without decoding.
 */
final class IndexedStoreReader {

    private final Indexer<GenericKubernetesResource> indexer;
    private final CompactItemStore store;

    IndexedStoreReader(Indexer<GenericKubernetesResource> indexer, CompactItemStore store) {
        this.indexer = indexer;
        this.store = store;
    }

    List<CachedObject> list(String namespace) {
        return namespace == null ? List.copyOf(store.all()) : byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    /** The objects labelled {@code key=value}, of {@code namespace} or of all namespaces, through the label index. */
    List<CachedObject> withLabel(String namespace, String key, String value) {
        return store.labelled(key, value).stream()
                .map(store::cached)
                .filter(Objects::nonNull)
                .filter(object -> value.equals(object.labels().get(key))
                        && (namespace == null || namespace.equals(object.namespace())))
                .toList();
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
