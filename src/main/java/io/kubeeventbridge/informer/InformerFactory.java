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
final class InformerFactory implements ResourceCacheDirectory, InformerStatusSource {

    private final KubernetesClient client;
    private final Duration resyncPeriod;
    private final int listPageSize;
    private final ChangeFeeds feeds;
    private final CacheCompressor compressor;
    private final CacheGauges gauges;
    private final Map<ResourceType, InformerResourceCache> caches = new ConcurrentHashMap<>();
    private boolean closed;

    /** @param listPageSize objects per list request, or 0 to list in one request */
    InformerFactory(
            KubernetesClient client,
            Duration resyncPeriod,
            int listPageSize,
            ChangeFeeds feeds,
            CacheCompressor compressor,
            CacheGauges gauges) {
        this.client = client;
        this.resyncPeriod = resyncPeriod;
        this.listPageSize = listPageSize;
        this.feeds = feeds;
        this.compressor = compressor;
        this.gauges = gauges;
    }

    /**
     * Creates and starts an informer; returns at once, the first list completes in the background. Its changes reach
     * {@code listener}, then its type's {@link ChangeFeed}.
     */
    synchronized void watch(InformerTarget target, ChangeListener listener, ObjectFilter filter) {
        if (closed) {
            throw new IllegalStateException("Informers are stopped; not watching " + target.describe());
        }
        InformerResourceCache cache = caches.computeIfAbsent(target.type(), type -> {
            InformerResourceCache created = new InformerResourceCache(type, feeds.create(), compressor.forType(type));
            gauges.add(created);
            return created;
        });
        ResourceInformer informer = new ResourceInformer(
                client,
                target,
                new FeedRecorder(listener, cache),
                filter,
                cache.compression(),
                resyncPeriod,
                listPageSize);
        cache.add(informer);
        informer.start();
    }

    /**
     * Stops the informers of {@code type}, ends its change feed (its watchers' streams end, as the API server's do when
     * a CRD is removed) and forgets its cache, so that the query API no longer serves it. Nothing is published for its
     * objects: stopping an informer notifies no handler.
     */
    synchronized void unwatch(ResourceType type) {
        InformerResourceCache cache = caches.remove(type);
        gauges.remove(type);
        if (cache != null) {
            cache.informers().forEach(ResourceInformer::stop);
            cache.feed().close();
        }
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
    public List<InformerStatus> statuses() {
        return caches.values().stream()
                .flatMap(cache -> cache.informers().stream())
                .map(ResourceInformer::status)
                .toList();
    }

    /** Accepts informers again after {@link #close()}, starting from an empty registry. */
    synchronized void open() {
        caches.keySet().forEach(gauges::remove);
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
