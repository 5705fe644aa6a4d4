package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.ResourceType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge's one informer factory: every informer is created here over one shared {@link KubernetesClient} (one
 * connection pool, one event executor), and all are stopped together. fabric8's own {@code SharedInformerFactory}
 * only builds informers for typed classes across all namespaces, so it cannot serve generic resources with
 * namespaces and selectors; this class gives the same ownership over the client's informer DSL.
 */
final class InformerRegistry implements ResourceCaches {

    private final KubernetesClient client;
    private final Duration resyncPeriod;
    private final ChangeFeeds feeds;
    private final Map<ResourceType, TypeCache> caches = new ConcurrentHashMap<>();
    private boolean closed;

    InformerRegistry(KubernetesClient client, Duration resyncPeriod, ChangeFeeds feeds) {
        this.client = client;
        this.resyncPeriod = resyncPeriod;
        this.feeds = feeds;
    }

    /**
     * Creates and starts an informer; returns at once, the first list completes in the background. Its changes reach
     * {@code listener}, then its type's {@link ChangeFeed}.
     */
    synchronized void watch(InformerTarget target, ChangeListener listener, ObjectFilter filter) {
        if (closed) {
            throw new IllegalStateException("Informers are stopped; not watching " + target.describe());
        }
        TypeCache cache = caches.computeIfAbsent(target.type(), type -> new TypeCache(type, feeds.create()));
        ResourceInformer informer =
                new ResourceInformer(client, target, new FeedRecorder(listener, cache), filter, resyncPeriod);
        cache.add(informer);
        informer.start();
    }

    @Override
    public Optional<ResourceCache> find(String group, String version, String plural) {
        return caches.values().stream()
                .filter(cache -> cache.type().group().equals(group)
                        && cache.type().version().equals(version)
                        && cache.type().plural().equals(plural))
                .map(ResourceCache.class::cast)
                .findFirst();
    }

    @Override
    public List<ResourceCache> all() {
        return List.copyOf(caches.values());
    }

    @Override
    public List<InformerStatus> statuses(ResourceType type) {
        TypeCache cache = caches.get(type);
        return cache == null
                ? List.of()
                : cache.informers().stream().map(ResourceInformer::status).toList();
    }

    /** Accepts informers again after {@link #close()}, starting from an empty registry. */
    synchronized void open() {
        caches.clear();
        closed = false;
    }

    synchronized void close() {
        closed = true;
        caches.values().forEach(cache -> {
            cache.informers().forEach(ResourceInformer::stop);
            cache.feed().close();
        });
    }
}
