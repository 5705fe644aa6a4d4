package io.kubeeventbridge.event;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An object as compact JSON with apiVersion and kind first: the data of its events, and the form the informer cache
 * keeps it in. One encoding for both, so the cache's bytes can be an event's data as they are.
 */
public final class ObjectJson {

    private static final JsonMapper MAPPER = JsonMapper.shared();
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private ObjectJson() {}

    /**
     * @param apiVersion the object's apiVersion, or the resource type's when the object lacks it
     * @param kind the object's kind, or the resource type's when the object lacks it
     */
    public static byte[] encode(GenericKubernetesResource object, String apiVersion, String kind) {
        if (apiVersion.equals(object.getApiVersion()) && kind.equals(object.getKind())) {
            // Straight to bytes: building a tree first cost more than the serialisation itself (benchmark suite).
            return COMPACT.writeValueAsBytes(object);
        }
        // A fresh tree: what we add here never reaches the given object, which may belong to the informer cache.
        return COMPACT.writeValueAsBytes(withTypeFirst(MAPPER.valueToTree(object), apiVersion, kind));
    }

    // Kubernetes writes apiVersion and kind first; readers of the raw payload expect to find them there.
    private static ObjectNode withTypeFirst(ObjectNode tree, String apiVersion, String kind) {
        ObjectNode typed = tree.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        tree.properties().forEach(property -> {
            if (!typed.has(property.getKey())) {
                typed.set(property.getKey(), property.getValue());
            }
        });
        return typed;
    }
}
