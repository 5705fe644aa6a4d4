package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where an object sits in the order of every list: by namespace (empty for cluster-scoped objects), then by name.
 */
record ObjectKey(String namespace, String name) implements Comparable<ObjectKey> {

    // Compares metadata in place: building a key per comparison made sorting 50,000 objects several times slower.
    static final Comparator<GenericKubernetesResource> ORDER = Comparator.comparing(
                    (GenericKubernetesResource object) ->
                            Objects.requireNonNullElse(object.getMetadata().getNamespace(), ""))
            .thenComparing(object -> object.getMetadata().getName());

    private static final Comparator<ObjectKey> KEYS =
            Comparator.comparing(ObjectKey::namespace).thenComparing(ObjectKey::name);

    ObjectKey {
        namespace = Objects.requireNonNullElse(namespace, "");
        Objects.requireNonNull(name, "name");
    }

    static ObjectKey of(GenericKubernetesResource object) {
        return new ObjectKey(
                object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    @Override
    public int compareTo(ObjectKey other) {
        return KEYS.compare(this, other);
    }
}
