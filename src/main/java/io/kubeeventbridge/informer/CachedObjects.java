package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads of one informer's store through its indexes: fabric8's namespace index, and a label index of our own
 * ({@code key=value} per label), so that namespace- and label-scoped lists never scan the whole store.
 */
final class CachedObjects {

    static final String LABEL_INDEX = "labels";

    private final Indexer<GenericKubernetesResource> indexer;

    CachedObjects(Indexer<GenericKubernetesResource> indexer) {
        this.indexer = indexer;
    }

    /** The indexes every store must carry besides fabric8's namespace index; add them before the informer starts. */
    static Map<String, Function<GenericKubernetesResource, List<String>>> indexers() {
        return Map.of(LABEL_INDEX, CachedObjects::labelIndexValues);
    }

    List<GenericKubernetesResource> list(String namespace) {
        return namespace == null ? indexer.list() : indexer.byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    List<GenericKubernetesResource> withLabel(String namespace, String key, String value) {
        List<GenericKubernetesResource> labelled = indexer.byIndex(LABEL_INDEX, labelIndexValue(key, value));
        return namespace == null
                ? labelled
                : labelled.stream()
                        .filter(object -> namespace.equals(object.getMetadata().getNamespace()))
                        .toList();
    }

    Optional<GenericKubernetesResource> get(String namespace, String name) {
        return Optional.ofNullable(indexer.getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    int size() {
        return indexer.listKeys().size();
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
