package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads of one informer's store through its indexes: fabric8's namespace index, and a label index of our own
 * ({@code key=value} per label), so that namespace- and label-scoped lists never scan the whole store. The indexes
 * give keys; the objects come from the {@link CompactItemStore} as they are kept, without decoding.
 */
final class CachedObjects {

    static final String LABEL_INDEX = "labels";

    private final Indexer<GenericKubernetesResource> indexer;
    private final CompactItemStore store;

    CachedObjects(Indexer<GenericKubernetesResource> indexer, CompactItemStore store) {
        this.indexer = indexer;
        this.store = store;
    }

    /** The indexes every store must carry besides fabric8's namespace index; add them before the informer starts. */
    static Map<String, Function<GenericKubernetesResource, List<String>>> indexers() {
        return Map.of(LABEL_INDEX, CachedObjects::labelIndexValues);
    }

    List<CachedObject> list(String namespace) {
        return namespace == null ? List.copyOf(store.all()) : byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    List<CachedObject> withLabel(String namespace, String key, String value) {
        List<CachedObject> labelled = byIndex(LABEL_INDEX, labelIndexValue(key, value));
        return namespace == null
                ? labelled
                : labelled.stream()
                        .filter(object -> namespace.equals(object.namespace()))
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

    // A label key never contains '=', so "key=value" names exactly one label.
    private static String labelIndexValue(String key, String value) {
        return key + "=" + value;
    }

    private static List<String> labelIndexValues(GenericKubernetesResource object) {
        Map<String, String> labels =
                object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return labels == null
                ? List.of()
                : labels.entrySet().stream()
                        .map(label -> labelIndexValue(label.getKey(), label.getValue()))
                        .toList();
    }
}
