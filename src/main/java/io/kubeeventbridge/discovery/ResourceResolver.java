package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a configured entry to its full {@link ResourceType} through the API server's discovery. When discovery
 * cannot answer for a group version, falls back to the built-in kinds fabric8's model knows; when it lists the group
 * version's resources without this one, the resource is missing (a CRD not installed yet, or a typo).
 */
public final class ResourceResolver {

    private static final Logger log = LoggerFactory.getLogger(ResourceResolver.class);

    private final KubernetesClient client;
    private BuiltInResources builtIns;

    public ResourceResolver(KubernetesClient client) {
        this.client = client;
    }

    public Optional<ResourceType> resolve(ResourceProperties entry) {
        APIResourceList discovered = discover(entry.apiVersion());
        // A real API server lists at least one resource for every group version it serves; an empty answer comes
        // from servers with partial discovery (such as the mock API server), and tells nothing either way.
        if (discovered == null || discovered.getResources().isEmpty()) {
            return builtIns().find(entry.apiVersion(), entry.resource(), entry.kind());
        }
        return discovered.getResources().stream()
                .filter(resource -> !resource.getName().contains("/")) // subresources such as pods/log
                .filter(resource -> matches(entry, resource))
                .findFirst()
                .map(resource -> toResourceType(entry.apiVersion(), resource));
    }

    private APIResourceList discover(String apiVersion) {
        try {
            return client.getApiResources(apiVersion);
        } catch (KubernetesClientException e) {
            log.debug("Discovery of {} failed ({}); falling back to built-in kinds", apiVersion, e.getMessage());
            return null;
        }
    }

    private static boolean matches(ResourceProperties entry, APIResource resource) {
        return (entry.resource() == null || entry.resource().equals(resource.getName()))
                && (entry.kind() == null || entry.kind().equalsIgnoreCase(resource.getKind()));
    }

    private static ResourceType toResourceType(String apiVersion, APIResource resource) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        return new ResourceType(
                group, version, resource.getName(), resource.getKind(), Boolean.TRUE.equals(resource.getNamespaced()));
    }

    private synchronized BuiltInResources builtIns() {
        if (builtIns == null) {
            builtIns = BuiltInResources.load();
        }
        return builtIns;
    }
}
