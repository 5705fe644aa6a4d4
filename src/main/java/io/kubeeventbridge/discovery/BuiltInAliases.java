package io.kubeeventbridge.discovery;

import io.kubeeventbridge.event.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * The short names and categories the API server gives its built-in resources (as {@code kubectl api-resources}
 * lists them), for API servers whose discovery leaves them out, such as the mock API server: fabric8's model knows
 * a built-in type's plural and singular, not these.
 */
final class BuiltInAliases {

    private static final List<String> ALL = List.of("all");

    private record Known(List<String> shortNames, List<String> categories) {}

    // Keyed by group and plural, as discovery names a resource.
    private static final Map<String, Known> KNOWN = Map.ofEntries(
            Map.entry("/pods", new Known(List.of("po"), ALL)),
            Map.entry("/services", new Known(List.of("svc"), ALL)),
            Map.entry("/replicationcontrollers", new Known(List.of("rc"), ALL)),
            Map.entry("/configmaps", new Known(List.of("cm"), List.of())),
            Map.entry("/endpoints", new Known(List.of("ep"), List.of())),
            Map.entry("/events", new Known(List.of("ev"), List.of())),
            Map.entry("/limitranges", new Known(List.of("limits"), List.of())),
            Map.entry("/namespaces", new Known(List.of("ns"), List.of())),
            Map.entry("/nodes", new Known(List.of("no"), List.of())),
            Map.entry("/persistentvolumeclaims", new Known(List.of("pvc"), List.of())),
            Map.entry("/persistentvolumes", new Known(List.of("pv"), List.of())),
            Map.entry("/resourcequotas", new Known(List.of("quota"), List.of())),
            Map.entry("/serviceaccounts", new Known(List.of("sa"), List.of())),
            Map.entry("apps/deployments", new Known(List.of("deploy"), ALL)),
            Map.entry("apps/replicasets", new Known(List.of("rs"), ALL)),
            Map.entry("apps/statefulsets", new Known(List.of("sts"), ALL)),
            Map.entry("apps/daemonsets", new Known(List.of("ds"), ALL)),
            Map.entry("batch/jobs", new Known(List.of(), ALL)),
            Map.entry("batch/cronjobs", new Known(List.of("cj"), ALL)),
            Map.entry("autoscaling/horizontalpodautoscalers", new Known(List.of("hpa"), ALL)),
            Map.entry("networking.k8s.io/ingresses", new Known(List.of("ing"), List.of())),
            Map.entry("networking.k8s.io/networkpolicies", new Known(List.of("netpol"), List.of())),
            Map.entry("policy/poddisruptionbudgets", new Known(List.of("pdb"), List.of())),
            Map.entry("storage.k8s.io/storageclasses", new Known(List.of("sc"), List.of())),
            Map.entry("scheduling.k8s.io/priorityclasses", new Known(List.of("pc"), List.of())),
            Map.entry("apiextensions.k8s.io/customresourcedefinitions", new Known(List.of("crd", "crds"), List.of())));

    private BuiltInAliases() {}

    static ResourceAliases.Aliases of(ResourceType type) {
        Known known = KNOWN.getOrDefault(type.group() + "/" + type.plural(), new Known(List.of(), List.of()));
        return new ResourceAliases.Aliases(type.lowerCaseKind(), known.shortNames(), known.categories());
    }
}
