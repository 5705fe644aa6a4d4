package io.kubeeventbridge.event;

/**
 * The parts of an event's {@code type} and {@code subject} that depend only on the resource type, made once per type
 * instead of once per event.
 */
final class TypeNames {

    private static final String TYPE_PREFIX = "io.k8s.";

    private final String[] eventTypes = new String[Operation.values().length];
    private final String groupVersionPath;
    private final String pluralSegment;

    TypeNames(ResourceType type) {
        for (Operation operation : Operation.values()) {
            eventTypes[operation.ordinal()] =
                    TYPE_PREFIX + type.groupName() + "." + type.lowerCaseKind() + "." + operation.typeSegment();
        }
        this.groupVersionPath = type.groupVersionPath();
        this.pluralSegment = "/" + type.plural() + "/";
    }

    /** {@code io.k8s.{group}.{kind}.{op}}. */
    String eventType(Operation operation) {
        return eventTypes[operation.ordinal()];
    }

    /** The object's API path: {@code /apis/apps/v1/namespaces/shop/deployments/web}. */
    String subject(ObjectIdentity identity) {
        return identity.namespace() == null
                ? groupVersionPath + pluralSegment + identity.name()
                : groupVersionPath + "/namespaces/" + identity.namespace() + pluralSegment + identity.name();
    }
}
