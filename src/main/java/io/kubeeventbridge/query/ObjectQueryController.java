package io.kubeeventbridge.query;

import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.ResourceCacheDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * List and get at the Kubernetes API paths under {@code /k8s}, answered from the informer caches: across namespaces,
 * in one namespace, one object, for the core group ({@code /k8s/api/v1}) and named groups
 * ({@code /k8s/apis/{group}/{version}}). Lists take labelSelector, fieldSelector, limit and continue; both answer a
 * {@code Table} when kubectl asks for one. A list with {@code watch} is a watch ({@link WatchStreams}).
 */
@RestController
@RequestMapping(QueryPaths.PREFIX)
final class ObjectQueryController {

    private static final String CORE = "";

    private final ResourceCacheDirectory caches;
    private final TableRenderer tables;
    private final WatchStreams watches;
    private final NamespacesInScope namespaces;

    ObjectQueryController(ResourceCacheDirectory caches, TableRenderer tables, WatchStreams watches) {
        this.caches = caches;
        this.tables = tables;
        this.watches = watches;
        this.namespaces = new NamespacesInScope(caches);
    }

    // Each mapping serves the core group (/api/{version}, no group variable) and named groups alike.
    @GetMapping({QueryPaths.CORE_LIST, QueryPaths.GROUP_LIST})
    ResponseEntity<Object> list(
            @PathVariable(required = false) String group,
            @PathVariable String version,
            @PathVariable String plural,
            @RequestParam Map<String, String> parameters,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.UPGRADE, required = false) String upgrade,
            ServletWebRequest exchange) {
        return list(groupOrCore(group), version, plural, null, parameters, accept, upgrade, exchange);
    }

    @GetMapping({QueryPaths.CORE_LIST_IN_NAMESPACE, QueryPaths.GROUP_LIST_IN_NAMESPACE})
    ResponseEntity<Object> listInNamespace(
            @PathVariable(required = false) String group,
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural,
            @RequestParam Map<String, String> parameters,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.UPGRADE, required = false) String upgrade,
            ServletWebRequest exchange) {
        return list(groupOrCore(group), version, plural, namespace, parameters, accept, upgrade, exchange);
    }

    @GetMapping({QueryPaths.CORE_GET, QueryPaths.GROUP_GET})
    ResponseEntity<Object> get(
            @PathVariable(required = false) String group,
            @PathVariable String version,
            @PathVariable String plural,
            @PathVariable String name,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return get(groupOrCore(group), version, plural, null, name, accept);
    }

    @GetMapping({QueryPaths.CORE_GET_IN_NAMESPACE, QueryPaths.GROUP_GET_IN_NAMESPACE})
    ResponseEntity<Object> getInNamespace(
            @PathVariable(required = false) String group,
            @PathVariable String version,
            @PathVariable String namespace,
            @PathVariable String plural,
            @PathVariable String name,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return get(groupOrCore(group), version, plural, namespace, name, accept);
    }

    private static String groupOrCore(String group) {
        return group == null ? CORE : group;
    }

    private ResponseEntity<Object> list(
            String group,
            String version,
            String plural,
            String namespace,
            Map<String, String> parameters,
            String accept,
            String upgrade,
            ServletWebRequest exchange) {
        ResourceCache cache = watched(group, version, plural, namespace);
        if (namespace != null
                && !cache.namespaces().isEmpty()
                && !cache.namespaces().contains(namespace)) {
            return StatusResponses.namespaceNotWatched(cache.type(), namespace, cache.namespaces());
        }
        ListOptions options = ListOptions.parse(parameters);
        if (QueryRequests.isWatch(parameters.get("watch"))) {
            if ("websocket".equalsIgnoreCase(upgrade)) {
                // The bridge streams watches over plain HTTP. Declined with an empty 200, clients that try a WebSocket
                // first (fabric8) watch over HTTP instead, as through kubectl proxy, and no stream is left open.
                return ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .build();
            }
            // Streamed on the servlet response itself, or refused with a Status.
            return watches.open(
                    cache,
                    namespace,
                    options,
                    WatchOptions.parse(parameters),
                    TableRenderer.wanted(accept),
                    exchange.getRequest(),
                    exchange.getResponse());
        }
        if (!cache.synced()) {
            return StatusResponses.unavailable(cache.type());
        }
        // Before the objects: the cache holds every change up to it by then, and a watch from it gets every later one.
        String resourceVersion = cache.resourceVersion();
        CacheLister.Page page = CacheLister.list(cache, namespace, options);
        return render(cache, resourceVersion, page, accept);
    }

    private ResponseEntity<Object> get(
            String group, String version, String plural, String namespace, String name, String accept) {
        if (namespace == null && namespaces.answers(group, version, plural)) {
            return namespaces.get(name);
        }
        ResourceCache cache = watched(group, version, plural, namespace);
        if (cache.type().namespaced() && namespace == null) {
            // The API server has no such path: a namespaced object is only reachable through its namespace.
            return StatusResponses.noSuchPath(cache.type().groupVersionPath() + "/" + plural + "/" + name);
        }
        return cache.get(namespace, name)
                .map(object -> TableRenderer.wanted(accept)
                        ? render(cache, object.resourceVersion(), single(object), accept)
                        : ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .<Object>body(object))
                .orElseGet(() -> cache.synced()
                        ? StatusResponses.notFound(cache.type(), name)
                        : StatusResponses.unavailable(cache.type()));
    }

    private static CacheLister.Page single(CachedObject object) {
        return new CacheLister.Page(List.of(object), null, 0);
    }

    private ResponseEntity<Object> render(
            ResourceCache cache, String resourceVersion, CacheLister.Page page, String accept) {
        if (TableRenderer.wanted(accept)) {
            return ResponseEntity.ok()
                    .contentType(TableRenderer.TABLE)
                    .body(tables.table(cache.type(), resourceVersion, page));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(ListBodies.list(cache.type(), resourceVersion, page));
    }

    /** The cache of a watched resource at a path its scope allows, else a 404 Status. */
    private ResourceCache watched(String group, String version, String plural, String namespace) {
        ResourceCache cache = caches.find(group, version, plural)
                .orElseThrow(() -> new StatusException(StatusResponses.notWatched(group, version, plural)));
        if (namespace != null && !cache.type().namespaced()) {
            throw new StatusException(StatusResponses.noSuchPath(
                    cache.type().groupVersionPath() + "/namespaces/" + namespace + "/" + plural));
        }
        return cache;
    }
}
