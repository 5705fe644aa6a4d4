package io.kubeeventbridge.event;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of an event that refers to an object instead of carrying it: apiVersion, kind and the metadata that
 * identify one state of it (name, namespace, uid, resourceVersion), in that order. What a consumer gets for an object
 * too large for the broker, and for one deleted while the bridge was down.
 */
final class ObjectReference {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ObjectReference() {}

    /**
     * @param namespace omitted when {@code null} (cluster-scoped)
     */
    static byte[] json(
            String apiVersion, String kind, String namespace, String name, String uid, String resourceVersion) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.put("uid", uid);
        metadata.put("resourceVersion", resourceVersion);
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("apiVersion", apiVersion);
        reference.put("kind", kind);
        reference.put("metadata", metadata);
        return JSON.writeValueAsBytes(reference);
    }
}
