package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.ResourceType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The item store of a bridge informer: admits every new state fabric8 stores ({@link ObjectAdmission}: the payload
 * filter, then apiVersion and kind), then keeps it as a {@link CachedObject} (compact JSON plus identity and labels)
 * rather than as fabric8's decoded maps of maps, several times larger. A new state stays decoded until its change is
 * handed to the listener, where {@link #compact} encodes it once, for the event and for the cache, and enters it in
 * the {@link LabelIndex}: both on the handler thread, so that the informer thread, which a sync waits for, does
 * little more than a bare informer's (it filters new states and notes which entries await compaction), unless it
 * runs too far ahead of the handler ({@link HandlerBacklog}).
 *
 * <p>Objects are admitted where they enter: in {@link #put}, for every state listed or watched, and in
 * {@link #admitted}, which the {@link ChangeClassifier} applies to every object it hands over that is not the state
 * this store holds: a watched delete notifies handlers with the object from the watch event, which is never put.
 * {@link #getKey} is a pure key function, so nothing depends on which of these fabric8 calls first.
 *
 * <p>Where fabric8 reads the store back (the previous state on an update, the contents on a relist or resync) it gets
 * {@link ReducedResource}s, and this store says so through {@link #isFullState()}: fabric8 then notifies the adds of
 * the first list as they arrive instead of reading every object back after the list.
 */
final class CompactItemStore implements ItemStore<GenericKubernetesResource> {

    private final Map<String, CachedObject> objects = new ConcurrentHashMap<>();
    // The keys of the entries still decoded, whose labels the index does not hold yet, each with the labels it still
    // holds for it: those of the compact state it replaced, if any.
    private final Map<String, Map<String, String>> decoded = new ConcurrentHashMap<>();
    private final LabelIndex labels = new LabelIndex();
    private final HandlerBacklog backlog = new HandlerBacklog(decoded::size, HandlerBacklog.MAX_WAIT);
    private final ObjectAdmission admission;
    private final ResourceType type;
    private final TypeCompression compression;

    CompactItemStore(ObjectFilter filter, ResourceType type, TypeCompression compression) {
        this.admission = new ObjectAdmission(filter, type);
        this.type = type;
        this.compression = compression;
    }

    @Override
    public String getKey(GenericKubernetesResource object) {
        return Cache.metaNamespaceKeyFunc(object);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        CachedObject previous = objects.get(key);
        if (previous != null && previous.isSameState(object)) {
            // Relisted or resynced unchanged: fabric8 notifies nothing, so keep the cached entry, which is compact or
            // will be once the change that brought it reaches the classifier.
            return reduced(previous);
        }
        // In place: the instance fabric8 goes on to notify handlers with is admitted already (see admitted()).
        CachedObject stored = CachedObject.decoded(admission.admit(object));
        // Atomic with a compaction of the same key. Only this thread stores new states and the handler only compacts
        // them, so the state replaced is `previous`, or `previous` compacted meanwhile.
        objects.compute(key, (storeKey, replaced) -> {
            decoded.put(storeKey, indexedLabels(storeKey, replaced));
            return stored;
        });
        backlog.awaitHandler();
        return reduced(previous);
    }

    /**
     * {@code object} admitted, as a listener may receive it: as it is when it came out of this store or is the state
     * this store holds (admitted when it was put), otherwise admitted now, in place. Called on the handler thread.
     */
    GenericKubernetesResource admitted(GenericKubernetesResource object) {
        CachedObject cached = objects.get(getKey(object));
        return cached != null && cached.isStillDecoded(object) ? object : admission.admit(object);
    }

    /**
     * The object's compact JSON, an event's data. When the object is the state this store holds, still decoded, the
     * store keeps the JSON from now on instead. Called on the handler thread for every change fabric8 notifies.
     */
    byte[] compact(GenericKubernetesResource object) {
        if (object instanceof ReducedResource reduced) {
            return reduced.cached().json();
        }
        byte[] json = ObjectJson.encode(object, object.getApiVersion(), object.getKind());
        objects.computeIfPresent(Cache.metaNamespaceKeyFunc(object), (key, cached) -> {
            if (!cached.isStillDecoded(object)) {
                return cached;
            }
            CachedObject compacted = cached.compacted(json);
            // Indexed before it leaves `decoded`: a label list reads `decoded` first, then the index.
            labels.update(key, indexedLabels(key, cached), compacted.labels());
            decoded.remove(key);
            compression.compressLater(compacted);
            return compacted;
        });
        backlog.handlerTookOne();
        return json;
    }

    @Override
    public GenericKubernetesResource remove(String key) {
        // Only this thread stores or removes states: a compaction after this finds nothing to compact.
        CachedObject removed = objects.remove(key);
        if (removed != null) {
            labels.update(key, indexedLabels(key, removed), Map.of());
            decoded.remove(key);
        }
        return reduced(removed);
    }

    @Override
    public Stream<String> keySet() {
        return objects.keySet().stream();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
        return objects.values().stream().map(this::reduced);
    }

    @Override
    public int size() {
        return objects.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
        return reduced(objects.get(key));
    }

    @Override
    public boolean isFullState() {
        return false;
    }

    /**
     * Whether this store already holds a newer state of {@code object} (same uid, greater resourceVersion): then the
     * notification of that newer state is still to come.
     */
    boolean holdsNewerThan(GenericKubernetesResource object) {
        CachedObject cached = objects.get(getKey(object));
        return cached != null
                && object.getMetadata() != null
                && Objects.equals(cached.uid(), object.getMetadata().getUid())
                && ResourceVersions.isNewer(
                        cached.resourceVersion(), object.getMetadata().getResourceVersion());
    }

    /** The cached object under fabric8's key ({@code namespace/name}, or {@code name}), or {@code null}. */
    CachedObject cached(String key) {
        return objects.get(key);
    }

    Collection<CachedObject> all() {
        return objects.values();
    }

    /**
     * The keys of the objects labelled {@code label=value}, and of those not compacted yet, whose labels the index
     * does not hold yet. Objects change meanwhile: check the labels of each.
     */
    Set<String> labelled(String label, String value) {
        // In this order: a compaction indexes an entry before it leaves `decoded`, so none slips between the two.
        Set<String> keys = new HashSet<>(decoded.keySet());
        keys.addAll(labels.keys(label, value));
        return keys;
    }

    /** The labels the index holds for {@code key}, whose entry is {@code cached} (or none). */
    private Map<String, String> indexedLabels(String key, CachedObject cached) {
        if (cached == null) {
            return Map.of();
        }
        if (cached.isCompact()) {
            return cached.labels();
        }
        return decoded.getOrDefault(key, Map.of());
    }

    private GenericKubernetesResource reduced(CachedObject cached) {
        return cached == null ? null : cached.reduced(type.apiVersion(), type.kind());
    }
}
