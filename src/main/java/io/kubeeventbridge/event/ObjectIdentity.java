package io.kubeeventbridge.event;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The metadata of one object that the event contract is built from, checked against its resource type.
 *
 * @param namespace null when cluster-scoped
 * @param uid null when the object has none
 * @param resourceVersion null when the object has none
 */
record ObjectIdentity(String namespace, String name, String uid, String resourceVersion) {

    /** @throws IllegalArgumentException naming what is wrong, when no valid event can be made of the object */
    static ObjectIdentity of(ResourceType type, GenericKubernetesResource object) {
        ObjectMeta metadata = object.getMetadata();
        if (metadata == null) {
            throw new IllegalArgumentException("metadata is missing");
        }
        String name = pathSegment("metadata.name", metadata.getName());
        if (name == null) {
            throw new IllegalArgumentException("metadata.name is missing");
        }
        String namespace = pathSegment("metadata.namespace", metadata.getNamespace());
        if (type.namespaced() && namespace == null) {
            throw new IllegalArgumentException("metadata.namespace is missing but " + type + " is namespaced");
        }
        if (!type.namespaced() && namespace != null) {
            throw new IllegalArgumentException(
                    "metadata.namespace is '" + namespace + "' but " + type + " is cluster-scoped");
        }
        return new ObjectIdentity(
                namespace, name, blankToNull(metadata.getUid()), blankToNull(metadata.getResourceVersion()));
    }

    /** The identity of an object known only by its partition key, {@code namespace/name} or {@code name}. */
    static ObjectIdentity ofPartitionKey(String partitionKey, String uid, String resourceVersion) {
        int slash = partitionKey.indexOf('/');
        return new ObjectIdentity(
                slash < 0 ? null : partitionKey.substring(0, slash),
                partitionKey.substring(slash + 1),
                uid,
                resourceVersion);
    }

    /** Whether the contract's id, {@code uid/resourceVersion}, can be formed. */
    boolean hasVersionedUid() {
        return uid != null && resourceVersion != null;
    }

    /**
     * Describes an object for error messages, whatever state its metadata is in: {@code shop/web (uid 1f0c…,
     * resourceVersion 42)}.
     */
    static String describe(GenericKubernetesResource object) {
        ObjectMeta metadata = object.getMetadata();
        if (metadata == null) {
            return "<object without metadata>";
        }
        String name = metadata.getName() == null ? "<no name>" : metadata.getName();
        StringBuilder description = new StringBuilder();
        if (metadata.getNamespace() != null && !metadata.getNamespace().isEmpty()) {
            description.append(metadata.getNamespace()).append('/');
        }
        return description
                .append(name)
                .append(" (uid ")
                .append(metadata.getUid())
                .append(", resourceVersion ")
                .append(metadata.getResourceVersion())
                .append(')')
                .toString();
    }

    // Names end up in the subject path and the partition key; the API server never allows '/' in them.
    private static String pathSegment(String field, String value) {
        String segment = blankToNull(value);
        if (segment != null && segment.indexOf('/') >= 0) {
            throw new IllegalArgumentException(field + " '" + segment + "' contains '/'");
        }
        return segment;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
