package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.ResourceType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge's one informer factory: every informer is created here over one shared {@link KubernetesClient} (one
 * connection pool, one event executor), and stopped together. fabric8's own {@code SharedInformerFactory} only
 * builds informers for typed classes across all namespaces, so it cannot serve generic resources with namespaces
 * and selectors; this class gives the same ownership over the client's informer DSL.
 */
public final class SharedInformers implements AutoCloseable {

    private final KubernetesClient client;
    private final Duration resyncPeriod;
    private final Map<ResourceType, TypeCache> caches = new ConcurrentHashMap<>();

    public SharedInformers(KubernetesClient client, Duration resyncPeriod) {
        this.client = client;
        this.resyncPeriod = resyncPeriod;
    }

    /** Creates and starts an informer; returns at once, the first list completes in the background. */
    public void watch(InformerTarget target, ChangeListener listener) {
        ResourceInformer informer = new ResourceInformer(client, target, listener, resyncPeriod);
        caches.computeIfAbsent(target.type(), TypeCache::new).add(informer);
        informer.start();
    }

    public Optional<ResourceCache> cache(String group, String version, String plural) {
        return caches.values().stream()
                .filter(cache -> cache.type().group().equals(group)
                        && cache.type().version().equals(version)
                        && cache.type().plural().equals(plural))
                .map(ResourceCache.class::cast)
                .findFirst();
    }

    public Collection<? extends ResourceCache> caches() {
        return List.copyOf(caches.values());
    }

    public List<InformerStatus> statuses(ResourceType type) {
        TypeCache cache = caches.get(type);
        return cache == null
                ? List.of()
                : cache.informers().stream().map(ResourceInformer::status).toList();
    }

    @Override
    public void close() {
        caches.values().forEach(cache -> cache.informers().forEach(ResourceInformer::stop));
    }
}
