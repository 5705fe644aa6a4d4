package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.ResourceType;

/**
 * The checkpoints that belong together: those of one resource, typed (group, version and resource plural, never a log
 * string), published to one topic. A topic the bridge has never written has none, so every object of it is published
 * there as a snapshot: each topic, read from the beginning, holds every existing object.
 *
 * @param topic {@code null} for legacy checkpoints, written before checkpoints were scoped by topic
 * @param group empty for the core group
 * @param resource the resource plural, e.g. {@code deployments}
 */
record CheckpointScope(String topic, String group, String version, String resource) {

    static CheckpointScope of(String topic, ResourceType type) {
        return new CheckpointScope(topic, type.group(), type.version(), type.plural());
    }

    boolean isLegacy() {
        return topic == null;
    }

    /** The resource as logs and metric tags name it: {@code v1/pods}, {@code apps/v1/deployments}. */
    String resourceName() {
        return (group.isEmpty() ? "" : group + "/") + version + "/" + resource;
    }

    /** The legacy scope of the same resource. */
    CheckpointScope legacy() {
        return new CheckpointScope(null, group, version, resource);
    }
}
