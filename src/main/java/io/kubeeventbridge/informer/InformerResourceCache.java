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
    private final List<ResourceInformer> informers = new CopyOnWriteArrayList<>();

    InformerResourceCache(ResourceType type, ResourceChangeFeed feed) {
        this.type = type;
        this.feed = feed;
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
                .flatMap(informer -> informer.objects().list(namespace).stream())
                .toList();
    }

    @Override
    public List<CachedObject> listWithLabel(String namespace, String key, String value) {
        return informers.stream()
                .filter(informer -> covers(informer, namespace))
                .flatMap(informer -> informer.objects().withLabel(namespace, key, value).stream())
                .toList();
    }

    @Override
    public Optional<CachedObject> get(String namespace, String name) {
        return informers.stream()
                .filter(informer -> covers(informer, namespace))
                .flatMap(informer -> informer.objects().get(namespace, name).stream())
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
