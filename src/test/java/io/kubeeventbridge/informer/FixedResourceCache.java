package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A {@link ResourceCache} over a fabric8 store filled directly, with the informers' indexes and a change feed, for
 * fast tests of the query API and for the benchmark: no API server, no informer. Like an API server, it gives every
 * change the next resourceVersion; its feed offers changes to watchers on the caller's thread, unless given an
 * executor.
 */
public final class FixedResourceCache implements ResourceCache {

    private final ResourceType type;
    private final CacheImpl<GenericKubernetesResource> store = new CacheImpl<>();
    private final CompactItemStore items;
    private final IndexedStoreReader objects;
    private final ResourceChangeFeed feed;
    private volatile boolean synced = true;
    private volatile List<String> namespaces = List.of();
    private long resourceVersion = 1;

    public FixedResourceCache(ResourceType type) {
        this(type, new WatchWindow(10_000, Duration.ofMinutes(5)));
    }

    public FixedResourceCache(ResourceType type, WatchWindow window) {
        this(type, window, Runnable::run);
    }

    /** @param fanout where the feed offers changes to watchers, as the bridge's fan-out pool does */
    public FixedResourceCache(ResourceType type, WatchWindow window, Executor fanout) {
        this.type = type;
        this.items = new CompactItemStore(ObjectFilter.NONE, type, TestCompression.inline(type));
        store.setItemStore(items);
        this.objects = new IndexedStoreReader(store, items);
        this.feed = new ResourceChangeFeed(window, fanout, System::nanoTime);
        feed.listed("1");
    }

    /** Stores the object, created or updated, under the next resourceVersion (set on {@code object}). */
    public synchronized FixedResourceCache put(GenericKubernetesResource object) {
        boolean existed = objects.get(
                        object.getMetadata().getNamespace(),
                        object.getMetadata().getName())
                .isPresent();
        object.getMetadata().setResourceVersion(String.valueOf(++resourceVersion));
        store.put(object);
        // As the informer's handler does when it hands the change over.
        items.compact(object);
        feed.record(
                existed ? Operation.UPDATED : Operation.CREATED,
                objects.get(
                                object.getMetadata().getNamespace(),
                                object.getMetadata().getName())
                        .orElseThrow());
        return this;
    }

    /** Deletes the object, which is given its last state with the next resourceVersion. */
    public synchronized void remove(GenericKubernetesResource object) {
        object.getMetadata().setResourceVersion(String.valueOf(++resourceVersion));
        store.remove(object);
        feed.record(
                Operation.DELETED,
                CachedObject.decoded(object)
                        .compacted(ObjectJson.encode(object, object.getApiVersion(), object.getKind())));
    }

    public void synced(boolean synced) {
        this.synced = synced;
    }

    /** Watches only these namespaces, as an entry that lists them does. */
    public FixedResourceCache watching(String... namespaces) {
        this.namespaces = List.of(namespaces);
        return this;
    }

    @Override
    public ResourceType type() {
        return type;
    }

    @Override
    public boolean synced() {
        return synced;
    }

    @Override
    public List<String> namespaces() {
        return namespaces;
    }

    @Override
    public List<CachedObject> list(String namespace) {
        return objects.list(namespace);
    }

    @Override
    public List<CachedObject> listWithLabel(String namespace, String key, String value) {
        return objects.withLabel(namespace, key, value);
    }

    @Override
    public Optional<CachedObject> get(String namespace, String name) {
        return objects.get(namespace, name);
    }

    @Override
    public String resourceVersion() {
        return feed.resourceVersion();
    }

    @Override
    public ChangeFeed changes() {
        return feed;
    }

    /** The {@link ResourceCacheDirectory} of some fixed caches. */
    public static ResourceCacheDirectory all(FixedResourceCache... caches) {
        return new ResourceCacheDirectory() {
            @Override
            public Optional<ResourceCache> find(String group, String version, String plural) {
                return all().stream()
                        .filter(cache -> cache.type().group().equals(group)
                                && cache.type().version().equals(version)
                                && cache.type().plural().equals(plural))
                        .findFirst();
            }

            @Override
            public List<ResourceCache> all() {
                return List.of(caches);
            }
        };
    }
}
