package io.kubeeventbridge.informer;

import io.kubeeventbridge.event.ResourceType;

/**
 * What one informer watches.
 *
 * @param type the resolved resource type
 * @param namespace the namespace to watch, or {@code null} for all namespaces (and for cluster-scoped resources)
 * @param labelSelector label selector in Kubernetes syntax, or {@code null}
 * @param fieldSelector field selector in Kubernetes syntax, or {@code null}
 */
public record InformerTarget(ResourceType type, String namespace, String labelSelector, String fieldSelector) {

    /** {@code v1/pods in shop} or {@code v1/pods in all namespaces}, for logs and health. */
    public String describe() {
        if (!type.namespaced()) {
            return type.toString();
        }
        return type + (namespace == null ? " in all namespaces" : " in " + namespace);
    }
}
