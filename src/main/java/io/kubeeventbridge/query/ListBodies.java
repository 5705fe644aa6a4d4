package io.kubeeventbridge.query;

import io.kubeeventbridge.event.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code {Kind}List} body of a list. */
final class ListBodies {

    private ListBodies() {}

    // Cached objects always carry apiVersion and kind, and Jackson writes each item from its kept JSON.
    static Map<String, Object> list(ResourceType type, String resourceVersion, CacheLister.Page page) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", type.apiVersion());
        list.put("kind", type.kind() + "List");
        list.put("metadata", metadata(resourceVersion, page));
        list.put("items", page.items());
        return list;
    }

    /** List metadata as the API server writes it: continue and remainingItemCount only when more objects follow. */
    static Map<String, Object> metadata(String resourceVersion, CacheLister.Page page) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", resourceVersion);
        if (page.continueToken() != null) {
            metadata.put("continue", page.continueToken());
            metadata.put("remainingItemCount", page.remaining());
        }
        return metadata;
    }
}
