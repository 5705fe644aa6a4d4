package io.kubeeventbridge.event;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;

/**
 * Makes every event of the contract in DESIGN.md: with {@link EventVariants}, the only place where CloudEvents are built
 * or changed. Pure functions, safe to share between threads; they never modify the given object, which belongs to the
 * informer cache.
 *
 * <p>The observed change ({@link #normalise}) carries the object's state as data; {@link EventVariants} says what the
 * other variants of an event carry, and makes them.
 *
 * <p>The data is the object as {@link ObjectJson} encodes it, as it is: what the payload policy drops or redacts
 * (managedFields, Secret values) was removed before the object entered the cache. apiVersion and kind come from the
 * object, or from the resource type when the object lacks them (as list items from an API server often do); the
 * {@code apiversion} and {@code kind} extensions always match the data.
 *
 * <p>The id is {@code uid/resourceVersion}, with {@code /deleted} appended for deletes. An object without uid or
 * resourceVersion (one not read from an API server) gets {@code sha256:<hex digest of the data>} instead, which is
 * just as deterministic: the same serialised state always gets the same id, and different states different ids.
 */
public final class EventNormaliser {

    private static final String SOURCE_SCHEME = "k8s://";
    private static final String DELETED_ID_SUFFIX = "/deleted";
    private static final String DIGEST_ID_PREFIX = "sha256:";
    static final String APPLICATION_JSON = "application/json";

    private final String clusterName;
    private final URI source;
    private final Map<ResourceType, TypeNames> typeNames = new ConcurrentHashMap<>();

    /** @param clusterName the configured cluster name; must be usable as the authority of {@code k8s://{cluster}} */
    public EventNormaliser(String clusterName) {
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        this.source = sourceOf(clusterName);
    }

    /**
     * @param object the object's state after the change; for deletes, its last known state
     * @param observedAt when the bridge observed the change
     * @throws EventNormalisationException naming the object, when no valid event can be made of it
     */
    public CloudEvent normalise(
            ResourceType type, Operation operation, GenericKubernetesResource object, OffsetDateTime observedAt) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(object, "object");
        byte[] data;
        try {
            data = ObjectJson.encode(object, apiVersionOf(type, object), kindOf(type, object));
        } catch (JacksonException e) {
            throw failure(type, operation, object, e);
        }
        return normalise(type, operation, object, data, observedAt);
    }

    /**
     * The same, for an object whose data is already encoded (as the informer cache keeps it), so it is not encoded
     * again.
     *
     * @param data {@link ObjectJson}'s encoding of {@code object} with the apiVersion and kind the event carries: the
     *     object's own, or its resource type's where the object lacks them (list items from an API server may)
     */
    public CloudEvent normalise(
            ResourceType type,
            Operation operation,
            GenericKubernetesResource object,
            byte[] data,
            OffsetDateTime observedAt) {
        return observed(type, operation, object, data, null, observedAt);
    }

    /**
     * The same for an update, saying what changed: a variant ({@link EventVariants}).
     *
     * @param changedPaths the JSON pointers of the values that changed, in any order; at least one
     */
    public CloudEvent normaliseUpdate(
            ResourceType type,
            GenericKubernetesResource object,
            byte[] data,
            Collection<String> changedPaths,
            OffsetDateTime observedAt) {
        Objects.requireNonNull(changedPaths, "changedPaths");
        return observed(type, Operation.UPDATED, object, data, changedPaths, observedAt);
    }

    /**
     * The delete of an object that vanished while the bridge was down, a variant ({@link EventVariants}): all that is
     * known of it is its key and the state its checkpoint recorded.
     *
     * @param partitionKey the object's {@link #partitionKey}
     * @param resourceVersion the last resourceVersion published for it
     */
    public CloudEvent reconciledDelete(
            ResourceType type, String partitionKey, String uid, String resourceVersion, OffsetDateTime observedAt) {
        ObjectIdentity identity = ObjectIdentity.ofPartitionKey(partitionKey, uid, resourceVersion);
        byte[] reference = EventVariants.reference(type.apiVersion(), type.kind(), identity);
        return EventVariants.reconciled(
                builder(type, Operation.DELETED, identity, type.apiVersion(), type.kind(), reference, observedAt));
    }

    /** The partition key and Kafka record key of an object: {@code namespace/name}, or {@code name}. */
    public static String partitionKey(String namespace, String name) {
        Objects.requireNonNull(name, "name");
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** @param changedPaths the changed JSON pointers of an update that says what changed, else {@code null} */
    private CloudEvent observed(
            ResourceType type,
            Operation operation,
            GenericKubernetesResource object,
            byte[] data,
            Collection<String> changedPaths,
            OffsetDateTime observedAt) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(observedAt, "observedAt");
        try {
            CloudEventBuilder event = builder(
                    type,
                    operation,
                    ObjectIdentity.of(type, object),
                    apiVersionOf(type, object),
                    kindOf(type, object),
                    data,
                    observedAt);
            return changedPaths == null ? event.build() : EventVariants.withChangedPaths(event, changedPaths);
        } catch (IllegalArgumentException e) {
            throw failure(type, operation, object, e);
        }
    }

    /** Every attribute and extension of the contract, for the object's state that {@code data} holds or refers to. */
    private CloudEventBuilder builder(
            ResourceType type,
            Operation operation,
            ObjectIdentity identity,
            String apiVersion,
            String kind,
            byte[] data,
            OffsetDateTime observedAt) {
        TypeNames names = typeNames.computeIfAbsent(type, TypeNames::new);
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id(identity, operation, data))
                .withSource(source)
                .withType(names.eventType(operation))
                .withSubject(names.subject(identity))
                .withTime(observedAt)
                .withData(APPLICATION_JSON, BytesCloudEventData.wrap(data))
                .withExtension(EventExtensions.API_VERSION, apiVersion)
                .withExtension(EventExtensions.KIND, kind)
                .withExtension(EventExtensions.NAME, identity.name())
                .withExtension(EventExtensions.CLUSTER, clusterName)
                .withExtension(EventExtensions.PARTITION_KEY, partitionKey(identity.namespace(), identity.name()));
        if (identity.namespace() != null) {
            event.withExtension(EventExtensions.NAMESPACE, identity.namespace());
        }
        if (identity.uid() != null) {
            event.withExtension(EventExtensions.UID, identity.uid());
        }
        if (identity.resourceVersion() != null) {
            event.withExtension(EventExtensions.RESOURCE_VERSION, identity.resourceVersion());
        }
        return event;
    }

    private static EventNormalisationException failure(
            ResourceType type, Operation operation, GenericKubernetesResource object, RuntimeException cause) {
        return new EventNormalisationException(
                "Cannot normalise " + operation.typeSegment() + " " + type + " " + ObjectIdentity.describe(object)
                        + ": " + cause.getMessage(),
                cause);
    }

    // List items from an API server often lack apiVersion and kind; the resource type knows them.
    private static String apiVersionOf(ResourceType type, GenericKubernetesResource object) {
        return orElse(object.getApiVersion(), type.apiVersion());
    }

    private static String kindOf(ResourceType type, GenericKubernetesResource object) {
        return orElse(object.getKind(), type.kind());
    }

    private static String id(ObjectIdentity identity, Operation operation, byte[] data) {
        String stateId = identity.hasVersionedUid()
                ? identity.uid() + "/" + identity.resourceVersion()
                : DIGEST_ID_PREFIX + sha256Hex(data);
        return operation == Operation.DELETED ? stateId + DELETED_ID_SUFFIX : stateId;
    }

    private static URI sourceOf(String clusterName) {
        if (!clusterName.isBlank()) {
            try {
                URI source = new URI(SOURCE_SCHEME + clusterName);
                if (clusterName.equals(source.getRawAuthority())) {
                    return source;
                }
            } catch (URISyntaxException e) {
                // rejected below, with the same message as every other unusable name
            }
        }
        throw new IllegalArgumentException("Cluster name '" + clusterName + "' cannot form the event source "
                + SOURCE_SCHEME + "{cluster-name}; use letters, digits, '-' and '.'");
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
