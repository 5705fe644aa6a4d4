package io.kubeeventbridge.publish;

/**
 * What a checkpoint record is about: one object of a scope.
 *
 * @param object the object's partition key, {@code namespace/name} or {@code name}
 */
record CheckpointKey(CheckpointScope scope, String object) {

    static CheckpointKey of(OutgoingEvent event) {
        return new CheckpointKey(CheckpointScope.of(event.topic(), event.type()), event.key());
    }

    /** {@code apps/v1/deployments shop/web}, for logs. */
    String describe() {
        return scope.resourceName() + " " + object;
    }
}
