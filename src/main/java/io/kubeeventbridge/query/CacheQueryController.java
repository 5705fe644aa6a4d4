package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.SharedInformers;
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

    private final SharedInformers informers;

    CacheQueryController(SharedInformers informers) {
        this.informers = informers;
    }

    @GetMapping("/api/{version}/{plural}")
    ResponseEntity<Object> listCore(@PathVariable String version, @PathVariable String plural) {
        return list("", version, plural, null);
    }

    @GetMapping("/api/{version}/namespaces/{namespace}/{plural}")
    ResponseEntity<Object> listCoreInNamespace(
            @PathVariable String version, @PathVariable String namespace, @PathVariable String plural) {
        return list("", version, plural, namespace);
    }

    @GetMapping("/api/{version}/{plural}/{name}")
    ResponseEntity<Object> getCore(
            @PathVariable String version, @PathVariable String plural, @PathVariable String name) {
        return get("", version, plural, null, name);
    }

    @GetMapping("/api/{version}/namespaces/{namespace}/{plural}/{name}")
    ResponseEntity<Object> getCoreInNamespace(
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural,
            @PathVariable String name) {
        return get("", version, plural, namespace, name);
    }

    @GetMapping("/apis/{group}/{version}/{plural}")
    ResponseEntity<Object> list(@PathVariable String group, @PathVariable String version, @PathVariable String plural) {
        return list(group, version, plural, null);
    }

    @GetMapping("/apis/{group}/{version}/namespaces/{namespace}/{plural}")
    ResponseEntity<Object> listInNamespace(
            @PathVariable String group,
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural) {
        return list(group, version, plural, namespace);
    }

    @GetMapping("/apis/{group}/{version}/{plural}/{name}")
    ResponseEntity<Object> get(
            @PathVariable String group,
            @PathVariable String version,
            @PathVariable String plural,
            @PathVariable String name) {
        return get(group, version, plural, null, name);
    }

    @GetMapping("/apis/{group}/{version}/namespaces/{namespace}/{plural}/{name}")
    ResponseEntity<Object> getInNamespace(
            @PathVariable String group,
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural,
            @PathVariable String name) {
        return get(group, version, plural, namespace, name);
    }

    private ResponseEntity<Object> list(String group, String version, String plural, String namespace) {
        return informers
                .cache(group, version, plural)
                .<ResponseEntity<Object>>map(cache ->
                        cache.synced() ? ResponseEntity.ok(listOf(cache, cache.list(namespace))) : notSynced(cache))
                .orElseGet(() -> StatusResponses.notWatched(group, version, plural));
    }

    private ResponseEntity<Object> get(String group, String version, String plural, String namespace, String name) {
        return informers
                .cache(group, version, plural)
                .<ResponseEntity<Object>>map(cache -> cache.get(namespace, name)
                        .<ResponseEntity<Object>>map(object -> ResponseEntity.ok(withTypeMeta(cache, object)))
                        .orElseGet(
                                () -> cache.synced() ? StatusResponses.notFound(cache.type(), name) : notSynced(cache)))
                .orElseGet(() -> StatusResponses.notWatched(group, version, plural));
    }

    private static ResponseEntity<Object> notSynced(ResourceCache cache) {
        return StatusResponses.unavailable(cache.type());
    }

    private static Map<String, Object> listOf(ResourceCache cache, List<GenericKubernetesResource> objects) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", cache.type().apiVersion());
        list.put("kind", cache.type().kind() + "List");
        list.put("metadata", Map.of("resourceVersion", cache.resourceVersion()));
        list.put(
                "items",
                objects.stream().map(object -> withTypeMeta(cache, object)).toList());
        return list;
    }

    // Objects from a list response often lack apiVersion and kind; clients expect them on every item.
    private static GenericKubernetesResource withTypeMeta(ResourceCache cache, GenericKubernetesResource object) {
        if (object.getApiVersion() != null && object.getKind() != null) {
            return object;
        }
        GenericKubernetesResource typed = new GenericKubernetesResource();
        typed.setApiVersion(cache.type().apiVersion());
        typed.setKind(cache.type().kind());
        typed.setMetadata(object.getMetadata());
        typed.setAdditionalProperties(object.getAdditionalProperties());
        return typed;
    }
}
