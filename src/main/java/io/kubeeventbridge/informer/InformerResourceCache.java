package io.kubeeventbridge.informer;

import io.kubeeventbridge.event.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link ResourceCache} of one type: one informer for all namespaces, or one per configured namespace, and the
 * type's {@link ChangeFeed}.
 */
final class InformerResourceCache implements ResourceCache {

    private final ResourceType type;
    private final ResourceChangeFeed feed;
    private final TypeCompression compression;
    private final List<ResourceInformer> informers = new CopyOnWriteArrayList<>();

    InformerResourceCache(ResourceType type, ResourceChangeFeed feed, TypeCompression compression) {
        this.type = type;
        this.feed = feed;
        this.compression = compression;
    }

    void add(ResourceInformer informer) {
        informers.add(informer);
    }

    List<ResourceInformer> informers() {
        return informers;
    }

    @Override
    public ResourceType type() {
        return type;
    }

    @Override
    public boolean synced() {
        return informers.stream().allMatch(ResourceInformer::hasSynced);
    }

    @Override
    public List<String> namespaces() {
        List<String> namespaces = informers.stream()
                .map(informer -> informer.target().namespace())
                .toList();
        return namespaces.contains(null) ? List.of() : namespaces;
    }

    @Override
    public List<CachedObject> list(String namespace) {
        return informers.stream()
                .filter(informer -> covers(informer, namespace))
                .flatMap(informer -> informer.store().list(namespace).stream())
                .toList();
    }

    @Override
    public List<CachedObject> listWithLabel(String namespace, String key, String value) {
        return informers.stream()
                .filter(informer -> covers(informer, namespace))
                .flatMap(informer -> informer.store().withLabel(namespace, key, value).stream())
                .toList();
    }

    @Override
    public Optional<CachedObject> get(String namespace, String name) {
        return informers.stream()
                .filter(informer -> covers(informer, namespace))
                .flatMap(informer -> informer.store().get(namespace, name).stream())
                .findFirst();
    }

    @Override
    public String resourceVersion() {
        return feed.resourceVersion();
    }

    @Override
    public ChangeFeed changes() {
        return feed;
    }

    ResourceChangeFeed feed() {
        return feed;
    }

    TypeCompression compression() {
        return compression;
    }

    /** The bytes the cached objects take, and the size of their compact JSON: what the cache gauges report. */
    Footprint footprint() {
        long stored = 0;
        long json = 0;
        for (ResourceInformer informer : informers) {
            for (CachedObject object : informer.store().list(null)) {
                stored += object.storedBytes();
                json += object.jsonBytes();
            }
        }
        return new Footprint(stored, json);
    }

    record Footprint(long storedBytes, long jsonBytes) {}

    /** The newest resourceVersion the informers have listed or watched, or {@code ""} before the first list. */
    String listedResourceVersion() {
        return informers.stream()
                .map(ResourceInformer::lastSyncResourceVersion)
                .filter(Objects::nonNull)
                .max(ResourceVersions.ORDER)
                .orElse("");
    }

    private static boolean covers(ResourceInformer informer, String namespace) {
        String watched = informer.target().namespace();
        return namespace == null || watched == null || watched.equals(namespace);
    }
}
