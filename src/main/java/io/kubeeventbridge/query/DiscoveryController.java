package io.kubeeventbridge.query;

import io.kubeeventbridge.discovery.ClusterVersion;
import io.kubeeventbridge.discovery.ResourceAliases;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.ResourceCacheDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legacy discovery documents that clients read before anything else, listing only the watched resources with
 * the verbs get, list and watch. kubectl first asks for aggregated discovery in its Accept header; it gets plain
 * {@code application/json} and falls back to these documents, which is why every response sets its content type
 * rather than letting content negotiation echo kubectl's preferred type.
 */
@RestController
@RequestMapping(QueryPaths.PREFIX)
final class DiscoveryController {

    private static final List<String> VERBS = List.of("get", "list", "watch");

    private final ResourceCacheDirectory caches;
    private final ResourceAliases aliases;
    private final ClusterVersion clusterVersion;

    DiscoveryController(ResourceCacheDirectory caches, ResourceAliases aliases, ClusterVersion clusterVersion) {
        this.caches = caches;
        this.aliases = aliases;
        this.clusterVersion = clusterVersion;
    }

    // The cluster's, so that kubectl sees the version skew it would see against the API server, and no other.
    @GetMapping(QueryPaths.VERSION)
    ResponseEntity<Object> version() {
        return json(clusterVersion
                .get()
                .orElseGet(() -> Map.of(
                        "major", "1",
                        "minor", "",
                        "gitVersion", "v0.0.0-kube-event-bridge",
                        "platform", "kube-event-bridge")));
    }

    @GetMapping(QueryPaths.CORE)
    ResponseEntity<Object> coreVersions() {
        return json(Map.of(
                "kind", "APIVersions",
                "versions", List.copyOf(versionsOf("")),
                "serverAddressByClientCIDRs", List.of()));
    }

    @GetMapping(QueryPaths.CORE_VERSION)
    ResponseEntity<Object> coreResources(@PathVariable String version) {
        return resources("", version);
    }

    @GetMapping(QueryPaths.GROUPS)
    ResponseEntity<Object> groups() {
        Map<String, TreeSet<String>> versionsByGroup = new TreeMap<>();
        types().stream()
                .filter(type -> !type.isCoreGroup())
                .forEach(type -> versionsByGroup
                        .computeIfAbsent(type.group(), group -> new TreeSet<>())
                        .add(type.version()));
        List<Object> groups = versionsByGroup.keySet().stream()
                .<Object>map(group -> group(group, versionsByGroup.get(group)))
                .toList();
        return json(Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups));
    }

    @GetMapping(QueryPaths.GROUP)
    ResponseEntity<Object> group(@PathVariable String group) {
        TreeSet<String> versions = versionsOf(group);
        if (versions.isEmpty()) {
            return StatusResponses.noSuchPath("/apis/" + group);
        }
        Map<String, Object> document = new LinkedHashMap<>(group(group, versions));
        document.put("kind", "APIGroup");
        document.put("apiVersion", "v1");
        return json(document);
    }

    @GetMapping(QueryPaths.GROUP_VERSION)
    ResponseEntity<Object> groupResources(@PathVariable String group, @PathVariable String version) {
        return resources(group, version);
    }

    private ResponseEntity<Object> resources(String group, String version) {
        List<Object> resources = types().stream()
                .filter(type -> type.group().equals(group) && type.version().equals(version))
                .sorted((a, b) -> a.plural().compareTo(b.plural()))
                .<Object>map(this::resource)
                .toList();
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        if (resources.isEmpty()) {
            return StatusResponses.noSuchPath((group.isEmpty() ? "/api/" : "/apis/") + groupVersion);
        }
        return json(Map.of(
                "kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion, "resources", resources));
    }

    /** As the cluster's discovery describes it, short names and categories included: {@code kubectl get po}. */
    private Map<String, Object> resource(ResourceType type) {
        ResourceAliases.Aliases known = aliases.of(type);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", type.plural());
        resource.put("singularName", known.singular());
        resource.put("namespaced", type.namespaced());
        resource.put("kind", type.kind());
        resource.put("verbs", VERBS);
        if (!known.shortNames().isEmpty()) {
            resource.put("shortNames", known.shortNames());
        }
        if (!known.categories().isEmpty()) {
            resource.put("categories", known.categories());
        }
        return resource;
    }

    private static Map<String, Object> group(String group, TreeSet<String> versions) {
        // Versions newest first would need Kubernetes' version ordering; with one watched version per group, the
        // first is the preferred one.
        List<Map<String, String>> listed = versions.stream()
                .map(version -> Map.of("groupVersion", group + "/" + version, "version", version))
                .toList();
        return Map.of("name", group, "versions", listed, "preferredVersion", listed.get(0));
    }

    private TreeSet<String> versionsOf(String group) {
        TreeSet<String> versions = new TreeSet<>();
        types().stream().filter(type -> type.group().equals(group)).forEach(type -> versions.add(type.version()));
        return versions;
    }

    private List<ResourceType> types() {
        return caches.all().stream().map(ResourceCache::type).toList();
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
