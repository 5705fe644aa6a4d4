package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.api.model.APIResource;
import io.kubeeventbridge.event.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an API group serves at its preferred version: the resources that can be watched, and those that cannot, each
 * with the reason.
 *
 * @param version the group's preferred version
 * @param watchable the resources that can be listed and watched, in discovery's order
 * @param skipped the others by name ({@code pods/status}), each with why it is not watched
 */
public record GroupResources(String group, String version, List<ResourceType> watchable, Map<String, String> skipped) {

    public GroupResources {
        watchable = List.copyOf(watchable);
        skipped = Map.copyOf(skipped);
    }

    /**
     * Sorts a discovery document's resources. An API server names every resource's verbs; one that names none (the
     * mock API server, which serves partial discovery) is taken at its word that the resource exists, and watched.
     */
    static GroupResources of(String group, String version, List<APIResource> resources) {
        List<ResourceType> watchable = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        for (APIResource resource : resources) {
            List<String> verbs = resource.getVerbs() == null ? List.of() : resource.getVerbs();
            if (resource.getName().contains("/")) {
                skipped.put(resource.getName(), "a subresource");
            } else if (!verbs.isEmpty() && !(verbs.contains("list") && verbs.contains("watch"))) {
                skipped.put(
                        resource.getName(), "cannot be listed and watched (verbs: " + String.join(", ", verbs) + ")");
            } else {
                watchable.add(new ResourceType(
                        group,
                        version,
                        resource.getName(),
                        resource.getKind(),
                        Boolean.TRUE.equals(resource.getNamespaced())));
            }
        }
        return new GroupResources(group, version, watchable, skipped);
    }
}
