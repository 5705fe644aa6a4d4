package io.kubeeventbridge.informer;

import io.kubeeventbridge.event.ResourceType;
import java.util.List;
import java.util.Optional;

/** A read-only view of the cached objects of one watched resource type, across all its informers. */
public interface ResourceCache {

    ResourceType type();

    /** Whether every informer behind this cache has completed its first full list. */
    boolean synced();

    /** The namespaces the informers watch, in configuration order; empty when they watch all namespaces. */
    List<String> namespaces();

    /** The cached objects of {@code namespace}, or of all namespaces when it is {@code null}. */
    List<CachedObject> list(String namespace);

    /**
     * The cached objects of {@code namespace} (all namespaces when {@code null}) that carry the label
     * {@code key=value}, found through a label index rather than by scanning the cache.
     */
    List<CachedObject> listWithLabel(String namespace, String key, String value);

    /** One cached object; {@code namespace} is {@code null} for cluster-scoped resources. */
    Optional<CachedObject> get(String namespace, String name);

    /**
     * The resourceVersion a list reports: read before the objects, it is one they all reflect, and a watch from it
     * gets every later change ({@link ChangeFeed#resourceVersion()}). {@code ""} before the first list.
     */
    String resourceVersion();

    /** The changes of this resource, for watches. */
    ChangeFeed changes();
}
