package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a configured entry to its full {@link ResourceType} through the API server's discovery, and records its
 * {@link ResourceAliases}. Where discovery answers for a group version without listing any resource (partial
 * discovery), falls back to the built-in kinds fabric8's model knows; where it does not serve the group version, or
 * lists it without this resource, the resource is missing (a CRD not installed yet, or a typo).
 */
public final class ResourceResolver {

    private final DiscoveryRequests discovery;
    private final ResourceAliases aliases;
    private BuiltInResources builtIns;

    public ResourceResolver(DiscoveryRequests discovery, ResourceAliases aliases) {
        this.discovery = discovery;
        this.aliases = aliases;
    }

    /** The API server's address, for messages. */
    public String server() {
        return discovery.server();
    }

    /**
     * The entry's type, or empty when the API server does not serve it.
     *
     * @param timeout how long to wait for the API server's answer
     * @throws DiscoveryUnavailableException when discovery does not answer in time or fails
     * @throws DiscoveryAccessException when the API server refuses the bridge discovery
     * @throws ContradictoryEntryException when the entry names a resource and a kind that are not the same type
     */
    public Optional<ResourceType> resolve(ResourceProperties entry, Duration timeout) {
        Optional<ResourceType> type = discover(entry, timeout);
        if (type.isPresent() && entry.kind() != null && !type.get().kind().equalsIgnoreCase(entry.kind())) {
            throw new ContradictoryEntryException("names resource " + entry.resource() + " and kind " + entry.kind()
                    + ", but the objects of " + entry.apiVersion() + "/" + entry.resource() + " are of kind "
                    + type.get().kind() + "; give only one of resource and kind, or correct the other");
        }
        return type;
    }

    private Optional<ResourceType> discover(ResourceProperties entry, Duration timeout) {
        APIResourceList discovered = discovery.resources(entry.apiVersion(), timeout);
        if (discovered == null) {
            return Optional.empty(); // 404: the group version is not served
        }
        // A real API server lists at least one resource for every group version it serves; an empty answer comes
        // from servers with partial discovery (such as the mock API server), and tells nothing either way.
        if (discovered.getResources().isEmpty()) {
            Optional<ResourceType> builtIn = builtIns().find(entry.apiVersion(), entry.resource(), entry.kind());
            builtIn.ifPresent(type -> aliases.record(type, BuiltInAliases.of(type)));
            return builtIn;
        }
        return discovered.getResources().stream()
                .filter(resource -> !resource.getName().contains("/")) // subresources such as pods/log
                .filter(resource -> matches(entry, resource))
                .findFirst()
                .map(resource -> {
                    ResourceType type = toResourceType(entry.apiVersion(), resource);
                    aliases.record(type, aliasesOf(type, resource));
                    return type;
                });
    }

    // Older API servers leave singularName empty for built-in resources; kubectl then uses the lower-case kind too.
    static ResourceAliases.Aliases aliasesOf(ResourceType type, APIResource resource) {
        String singular = resource.getSingularName();
        return new ResourceAliases.Aliases(
                singular == null || singular.isEmpty() ? type.lowerCaseKind() : singular,
                resource.getShortNames() == null ? List.of() : resource.getShortNames(),
                resource.getCategories() == null ? List.of() : resource.getCategories());
    }

    // By the plural when the entry gives one: a kind that disagrees with it is a contradiction, not a miss.
    private static boolean matches(ResourceProperties entry, APIResource resource) {
        return entry.resource() != null
                ? entry.resource().equals(resource.getName())
                : entry.kind().equalsIgnoreCase(resource.getKind());
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
