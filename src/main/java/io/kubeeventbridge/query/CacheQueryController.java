package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.ResourceCaches;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A first, read-only view of the informer caches at the Kubernetes API paths under {@code /k8s}: list across
 * namespaces, list in one namespace, and get one object, for core ({@code /k8s/api/v1}) and named groups
 * ({@code /k8s/apis/{group}/{version}}).
 */
@RestController
@RequestMapping(path = "/k8s", produces = "application/json")
final class CacheQueryController {

    private final ResourceCaches caches;

    CacheQueryController(ResourceCaches caches) {
        this.caches = caches;
    }

    @GetMapping("/api/{version}/{plural}")
    ResponseEntity<Object> listCore(@PathVariable String version, @PathVariable String plural) {
        return listFromCache("", version, plural, null);
    }

    @GetMapping("/api/{version}/namespaces/{namespace}/{plural}")
    ResponseEntity<Object> listCoreInNamespace(
            @PathVariable String version, @PathVariable String namespace, @PathVariable String plural) {
        return listFromCache("", version, plural, namespace);
    }

    @GetMapping("/api/{version}/{plural}/{name}")
    ResponseEntity<Object> getCore(
            @PathVariable String version, @PathVariable String plural, @PathVariable String name) {
        return getFromCache("", version, plural, null, name);
    }

    @GetMapping("/api/{version}/namespaces/{namespace}/{plural}/{name}")
    ResponseEntity<Object> getCoreInNamespace(
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural,
            @PathVariable String name) {
        return getFromCache("", version, plural, namespace, name);
    }

    @GetMapping("/apis/{group}/{version}/{plural}")
    ResponseEntity<Object> list(@PathVariable String group, @PathVariable String version, @PathVariable String plural) {
        return listFromCache(group, version, plural, null);
    }

    @GetMapping("/apis/{group}/{version}/namespaces/{namespace}/{plural}")
    ResponseEntity<Object> listInNamespace(
            @PathVariable String group,
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural) {
        return listFromCache(group, version, plural, namespace);
    }

    @GetMapping("/apis/{group}/{version}/{plural}/{name}")
    ResponseEntity<Object> get(
            @PathVariable String group,
            @PathVariable String version,
            @PathVariable String plural,
            @PathVariable String name) {
        return getFromCache(group, version, plural, null, name);
    }

    @GetMapping("/apis/{group}/{version}/namespaces/{namespace}/{plural}/{name}")
    ResponseEntity<Object> getInNamespace(
            @PathVariable String group,
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural,
            @PathVariable String name) {
        return getFromCache(group, version, plural, namespace, name);
    }

    private ResponseEntity<Object> listFromCache(String group, String version, String plural, String namespace) {
        return caches.find(group, version, plural)
                .map(cache -> cache.synced()
                        ? ResponseEntity.<Object>ok(listOf(cache, cache.list(namespace)))
                        : StatusResponses.unavailable(cache.type()))
                .orElseGet(() -> StatusResponses.notWatched(group, version, plural));
    }

    private ResponseEntity<Object> getFromCache(
            String group, String version, String plural, String namespace, String name) {
        return caches.find(group, version, plural)
                .map(cache -> cache.get(namespace, name)
                        .map(ResponseEntity::<Object>ok)
                        .orElseGet(() -> cache.synced()
                                ? StatusResponses.notFound(cache.type(), name)
                                : StatusResponses.unavailable(cache.type())))
                .orElseGet(() -> StatusResponses.notWatched(group, version, plural));
    }

    // fabric8 sets apiVersion and kind on every item of a generic list, so cached objects carry them.
    private static Map<String, Object> listOf(ResourceCache cache, List<GenericKubernetesResource> objects) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", cache.type().apiVersion());
        list.put("kind", cache.type().kind() + "List");
        list.put("metadata", Map.of("resourceVersion", cache.resourceVersion()));
        list.put("items", objects);
        return list;
    }
}
