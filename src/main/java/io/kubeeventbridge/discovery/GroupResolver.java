package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeeventbridge.event.ResourceType;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves a group entry ({@code api-version: example.com/*}) through discovery: the group's preferred version, as
 * the API server names it, and the resources it serves there, whose {@link ResourceAliases} it records.
 */
public final class GroupResolver {

    private final DiscoveryRequests discovery;
    private final ResourceAliases aliases;

    public GroupResolver(DiscoveryRequests discovery, ResourceAliases aliases) {
        this.discovery = discovery;
        this.aliases = aliases;
    }

    /**
     * The group's resources at its preferred version, or empty when the API server does not serve the group.
     *
     * @param timeout how long to wait for the API server's answers, both together
     * @throws DiscoveryUnavailableException when discovery does not answer in time or fails
     * @throws DiscoveryAccessException when the API server refuses the bridge discovery
     */
    public Optional<GroupResources> resolve(String group, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        APIGroup served = discovery.group(group, timeout);
        if (served == null
                || served.getPreferredVersion() == null
                || served.getPreferredVersion().getVersion() == null) {
            return Optional.empty();
        }
        String version = served.getPreferredVersion().getVersion();
        Duration left = Duration.ofNanos(Math.max(end - System.nanoTime(), 0));
        APIResourceList resources = discovery.resources(group + "/" + version, left);
        if (resources == null) {
            // The group changed between the two requests: no answer yet, rather than one that may be wrong.
            throw new DiscoveryUnavailableException(
                    "GET " + discovery.server() + "/apis/" + group + "/" + version + ": not served any more");
        }
        GroupResources resolved = GroupResources.of(group, version, resources.getResources());
        // Recorded as for a single entry, so kubectl finds a group's resources by short name and category too.
        for (ResourceType type : resolved.watchable()) {
            resources.getResources().stream()
                    .filter(resource -> resource.getName().equals(type.plural()))
                    .findFirst()
                    .ifPresent(resource -> aliases.record(type, ResourceResolver.aliasesOf(type, resource)));
        }
        return Optional.of(resolved);
    }
}
