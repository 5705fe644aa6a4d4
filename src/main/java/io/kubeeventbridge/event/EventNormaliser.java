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
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * Makes every event of the contract in DESIGN.md: the only place where CloudEvents are built or changed. Pure
 * functions, safe to share between threads; they never modify the given object, which belongs to the informer cache.
 * The variants of an event:
 *
 * <ul>
 *   <li>an observed change ({@link #normalise}): the object's state as data;
 *   <li>an observed update that says what changed ({@link #normaliseUpdate}): the same, with the extension
 *       {@code changedpaths};
 *   <li>a reconciled delete ({@link #reconciledDelete}): an object deleted while the bridge was down, known only by its
 *       checkpoint, with reference data (see below) and the extension {@code reconciled=true};
 *   <li>a coalesced event ({@link #coalesced}): a newer state that replaced an unsent older one keeps the older
 *       event's type, so a creation followed by updates is still a creation, with the newest state;
 *   <li>a truncated reference ({@link #truncated}): an event too large for the broker, with its data reduced to a
 *       reference and the extension {@code truncated=true}.
 * </ul>
 *
 * <p>Reference data is apiVersion, kind and metadata with name, namespace, uid and resourceVersion, nothing else.
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

    private static final String TYPE_PREFIX = "io.k8s.";
    private static final String SOURCE_SCHEME = "k8s://";
    private static final String DELETED_ID_SUFFIX = "/deleted";
    private static final String DIGEST_ID_PREFIX = "sha256:";
    private static final String APPLICATION_JSON = "application/json";

    private final String clusterName;
    private final URI source;

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
     * The same for an update, saying what changed in the extension {@code changedpaths} (see {@link ChangedPaths}).
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
     * The delete of an object that vanished while the bridge was down: all that is known of it is its key and the
     * state its checkpoint recorded.
     *
     * @param partitionKey the object's {@link #partitionKey}
     * @param resourceVersion the last resourceVersion published for it
     */
    public CloudEvent reconciledDelete(
            ResourceType type, String partitionKey, String uid, String resourceVersion, OffsetDateTime observedAt) {
        ObjectIdentity identity = ObjectIdentity.ofPartitionKey(partitionKey, uid, resourceVersion);
        byte[] data = ObjectReference.json(
                type.apiVersion(), type.kind(), identity.namespace(), identity.name(), uid, resourceVersion);
        return builder(type, Operation.DELETED, identity, type.apiVersion(), type.kind(), data, observedAt)
                .withExtension(EventExtensions.RECONCILED, true)
                .build();
    }

    /**
     * The event standing for an unsent event followed by a newer state of the same object: see the class comment. Two
     * updates that both say what changed say what changed in either; when one does not know, neither does the result,
     * and a creation says nothing of changes.
     */
    public static CloudEvent coalesced(CloudEvent newerState, CloudEvent olderOperation) {
        CloudEventBuilder coalesced = CloudEventBuilder.v1(newerState).withType(olderOperation.getType());
        String newer = extension(newerState, EventExtensions.CHANGED_PATHS);
        String older = extension(olderOperation, EventExtensions.CHANGED_PATHS);
        if (newer != null && older != null) {
            coalesced.withExtension(EventExtensions.CHANGED_PATHS, ChangedPaths.union(older, newer));
        } else {
            coalesced.withoutExtension(EventExtensions.CHANGED_PATHS);
        }
        return coalesced.build();
    }

    /** {@code event} with its data reduced to a reference, for an object too large for the broker. */
    public static CloudEvent truncated(CloudEvent event) {
        byte[] reference = ObjectReference.json(
                extension(event, EventExtensions.API_VERSION),
                extension(event, EventExtensions.KIND),
                extension(event, EventExtensions.NAMESPACE),
                extension(event, EventExtensions.NAME),
                extension(event, EventExtensions.UID),
                extension(event, EventExtensions.RESOURCE_VERSION));
        return CloudEventBuilder.v1(event)
                .withData(APPLICATION_JSON, BytesCloudEventData.wrap(reference))
                .withExtension(EventExtensions.TRUNCATED, true)
                .build();
    }

    public static boolean isTruncated(CloudEvent event) {
        return event.getExtension(EventExtensions.TRUNCATED) != null;
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
            if (changedPaths != null) {
                event.withExtension(EventExtensions.CHANGED_PATHS, ChangedPaths.of(changedPaths));
            }
            return event.build();
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
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id(identity, operation, data))
                .withSource(source)
                .withType(TYPE_PREFIX + type.groupName() + "." + type.lowerCaseKind() + "." + operation.typeSegment())
                .withSubject(subject(type, identity))
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

    private static String subject(ResourceType type, ObjectIdentity identity) {
        StringBuilder path = new StringBuilder(type.groupVersionPath());
        if (identity.namespace() != null) {
            path.append("/namespaces/").append(identity.namespace());
        }
        return path.append('/')
                .append(type.plural())
                .append('/')
                .append(identity.name())
                .toString();
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

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
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
