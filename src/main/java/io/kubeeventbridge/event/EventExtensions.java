package io.kubeeventbridge.event;

/**
 * Names of the CloudEvent extension attributes in the event contract, shared by the normaliser, the publisher
 * and tests. CloudEvents allows only lower-case letters and digits here, hence {@code resourceversion}.
 */
public final class EventExtensions {

    /** The object's apiVersion, e.g. {@code apps/v1}. */
    public static final String API_VERSION = "apiversion";

    /** The object's kind as Kubernetes spells it, e.g. {@code Deployment}. */
    public static final String KIND = "kind";

    public static final String NAME = "name";

    /** Absent for cluster-scoped objects. */
    public static final String NAMESPACE = "namespace";

    /** Absent when the object has no uid (never the case for objects read from an API server). */
    public static final String UID = "uid";

    /** Absent when the object has no resourceVersion (never the case for objects read from an API server). */
    public static final String RESOURCE_VERSION = "resourceversion";

    /** The configured cluster name, also the authority of the event source. */
    public static final String CLUSTER = "cluster";

    /** {@code namespace/name}, or {@code name} when cluster-scoped; also the Kafka record key. */
    public static final String PARTITION_KEY = "partitionkey";

    /** {@code true} on an event whose object was too large for the broker, sent as a reference instead. */
    public static final String TRUNCATED = "truncated";

    /** {@code true} on a delete found by comparing the first list after a start with the checkpoints. */
    public static final String RECONCILED = "reconciled";

    /**
     * On {@code updated} events when {@code bridge.kafka.changed-paths} is on: the sorted, comma-separated JSON
     * pointers of what changed, such as {@code /metadata/labels/app,/spec/replicas}; absent where the previous state
     * is unknown.
     */
    public static final String CHANGED_PATHS = "changedpaths";

    private EventExtensions() {}
}
