package io.kubeeventbridge.query;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.ResourceCacheDirectory;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/v1/namespaces/{name}} when the bridge does not watch namespaces: kubectl looks the namespace up after
 * a NotFound to tell a missing object from a missing namespace. A namespace in the bridge's scope (listed by an entry,
 * or holding cached objects) is answered as a minimal {@code Namespace}, so kubectl reports the object as not found;
 * any other is NotFound itself.
 */
final class NamespacesInScope {

    private static final ResourceType NAMESPACES = new ResourceType("", "v1", "namespaces", "Namespace", false);

    private final ResourceCacheDirectory caches;

    NamespacesInScope(ResourceCacheDirectory caches) {
        this.caches = caches;
    }

    /** Whether a get at these coordinates is one this class answers: namespaces, which the bridge does not watch. */
    boolean answers(String group, String version, String plural) {
        return group.equals(NAMESPACES.group())
                && version.equals(NAMESPACES.version())
                && plural.equals(NAMESPACES.plural())
                && caches.find(group, version, plural).isEmpty();
    }

    ResponseEntity<Object> get(String name) {
        if (caches.all().stream().noneMatch(cache -> inScope(cache, name))) {
            return StatusResponses.notFound(NAMESPACES, name);
        }
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "apiVersion", "v1",
                        "kind", "Namespace",
                        "metadata", Map.of("name", name),
                        "spec", Map.of(),
                        "status", Map.of("phase", "Active")));
    }

    private static boolean inScope(ResourceCache cache, String namespace) {
        return cache.type().namespaced()
                && (cache.namespaces().contains(namespace)
                        || !cache.list(namespace).isEmpty());
    }
}
