package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.kubeeventbridge.event.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ResourceCache} over a fabric8 store filled directly, with the informers' indexes, for fast tests of the
 * query API and for the benchmark: no API server, no informer.
 */
public final class FixedResourceCache implements ResourceCache {

    private final ResourceType type;
    private final CacheImpl<GenericKubernetesResource> store = new CacheImpl<>();
    private final CompactItemStore items;
    private final IndexedStoreReader objects;
    private volatile boolean synced = true;
    private volatile String resourceVersion = "1";

    public FixedResourceCache(ResourceType type) {
        this.type = type;
        this.items = new CompactItemStore(ObjectFilter.NONE, type);
        store.setItemStore(items);
        this.objects = new IndexedStoreReader(store, items);
    }

    public FixedResourceCache put(GenericKubernetesResource object) {
        store.put(object);
        // As the informer's handler does when it hands the change over.
        items.compact(object);
        resourceVersion = String.valueOf(Long.parseLong(resourceVersion) + 1);
        return this;
    }

    public void remove(GenericKubernetesResource object) {
        store.remove(object);
    }

    public void synced(boolean synced) {
        this.synced = synced;
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
        return resourceVersion;
    }

    /** The {@link ResourceCaches} of some fixed caches. */
    public static ResourceCaches all(FixedResourceCache... caches) {
        return new ResourceCaches() {
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
