package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.stream.Stream;

/**
 * fabric8's plain item store, with an {@link ObjectFilter} applied to every object before fabric8 does anything
 * else with it.
 *
 * <p>The filter runs in {@link #getKey}: it is the first call fabric8's informer makes on every object it receives,
 * listed or watched, added, modified or deleted, before storing it and before notifying handlers. Filtering in
 * {@link #put} alone would not do: a watched delete notifies handlers with the object from the watch event, which is
 * never put. Since the filter modifies the very instance fabric8 goes on to store and hand to handlers, the cache
 * and the {@link ChangeListener} only ever see the filtered object.
 */
final class FilteringItemStore implements ItemStore<GenericKubernetesResource> {

    private final BasicItemStore<GenericKubernetesResource> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
    private final ObjectFilter filter;

    FilteringItemStore(ObjectFilter filter) {
        this.filter = filter;
    }

    @Override
    public String getKey(GenericKubernetesResource object) {
        filter.apply(object);
        return items.getKey(object);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        // Already filtered through getKey; the filter is idempotent, so this only guards other callers.
        filter.apply(object);
        return items.put(key, object);
    }

    @Override
    public GenericKubernetesResource remove(String key) {
        return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
        return items.values();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
        return items.get(key);
    }
}
