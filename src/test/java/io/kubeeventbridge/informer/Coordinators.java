package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.discovery.DiscoveryRequests;
import io.kubeeventbridge.discovery.GroupResolver;
import io.kubeeventbridge.discovery.ResourceAliases;
import io.kubeeventbridge.discovery.ResourceResolver;

/** Watch coordinators wired as the application wires them, without Spring, for tests of what they start. */
final class Coordinators {

    private Coordinators() {}

    /**
     * A coordinator discovering through {@code client} and starting its informers in {@code registry}, with the
     * payload left as it is.
     */
    static WatchCoordinator create(
            KubernetesClient client,
            InformerFactory registry,
            BridgeProperties properties,
            ChangeListenerFactory listeners) {
        DiscoveryRequests discovery = new DiscoveryRequests(client);
        ResourceAliases aliases = new ResourceAliases();
        ResourceResolver resolver = new ResourceResolver(discovery, aliases);
        EntryInformers informers = new EntryInformers(registry, listeners, (entry, type) -> ObjectFilter.NONE);
        return new WatchCoordinator(
                properties,
                resolver,
                registry,
                new ResourceEntries(properties, resolver, informers),
                new GroupWatches(properties, new GroupResolver(discovery, aliases), informers, new CrdChanges(client)));
    }
}
