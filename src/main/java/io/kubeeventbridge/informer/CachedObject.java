package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubeeventbridge.event.ObjectJson;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * One object as the informer cache keeps it: its compact JSON ({@link ObjectJson}), plus the few fields that lists,
 * indexes and events read without decoding it (identity and labels). A fraction of the heap fabric8's decoded maps of
 * maps take, and the bytes are what the query API answers and what an event carries, so the common paths never
 * decode.
 *
 * <p>A new state is kept partly decoded, as the informer read it (from a {@link PartlyDecodedList}, or from a watch
 * event by the client {@code KubernetesClients} builds), until its change reaches the {@link ChangeClassifier}: the
 * encoding the event needs is then kept instead ({@link CompactItemStore#compact}). So each state is encoded once, on
 * the handler thread, and the informer thread does no more than a bare informer's.
 *
 * <p>Once its type has a dictionary, the {@link CacheCompressor} compresses the JSON in place: every holder of this
 * instance (the store, the change feed and its window) keeps the compressed bytes from then on, and {@link #json()}
 * decompresses them for each reader.
 *
 * <p>Jackson writes it as the object it holds, from the kept bytes.
 *
 * <p>Strings that repeat across objects (namespaces, label keys and values) are shared through the {@link StringPool},
 * so 50,000 pods in a few namespaces keep one copy of each. That happens when a state is compacted, on the handler
 * thread, off the informer thread's work.
 */
public final class CachedObject implements JacksonSerializable {

    private static final ObjectReader READER = JsonMapper.shared().readerFor(GenericKubernetesResource.class);

    private final String namespace;
    private final String name;
    private final String uid;
    private final String resourceVersion;
    private final Map<String, String> labels;
    // The compact JSON, or once compressed a zstd frame of it; written by the compressor's thread only, after the
    // dictionary, so a reader that sees a frame sees its dictionary.
    private volatile byte[] body;
    private ZstdDictionary dictionary;
    private final GenericKubernetesResource decoded;

    private CachedObject(
            String namespace,
            String name,
            String uid,
            String resourceVersion,
            Map<String, String> labels,
            byte[] json,
            GenericKubernetesResource decoded) {
        this.namespace = namespace;
        this.name = name;
        this.uid = uid;
        this.resourceVersion = resourceVersion;
        this.labels = labels;
        this.body = json;
        this.decoded = decoded;
    }

    /** A new state, kept as fabric8 decoded it until {@link #compacted}; it must carry apiVersion and kind. */
    static CachedObject decoded(GenericKubernetesResource object) {
        ObjectMeta metadata = Objects.requireNonNull(object.getMetadata(), "metadata");
        Map<String, String> labels = metadata.getLabels();
        return new CachedObject(
                metadata.getNamespace(),
                metadata.getName(),
                metadata.getUid(),
                metadata.getResourceVersion(),
                labels == null ? Map.of() : Collections.unmodifiableMap(labels),
                null,
                object);
    }

    /** This state kept as {@code json}, its {@link ObjectJson} encoding (kept, not copied), instead of decoded. */
    CachedObject compacted(byte[] json) {
        return new CachedObject(
                StringPool.pooled(namespace), name, uid, resourceVersion, pooledLabels(labels), json, null);
    }

    /** Whether this state is kept as its JSON. */
    boolean isCompact() {
        return decoded == null;
    }

    /** Whether this is {@code object} itself, still decoded. */
    boolean isStillDecoded(GenericKubernetesResource object) {
        return decoded == object;
    }

    /** Whether {@code object} is this same state: same object (uid), same resourceVersion. */
    boolean isSameState(GenericKubernetesResource object) {
        ObjectMeta metadata = object.getMetadata();
        return Objects.equals(uid, metadata.getUid())
                && resourceVersion != null
                && resourceVersion.equals(metadata.getResourceVersion());
    }

    /** The namespace, or {@code null} for a cluster-scoped object. */
    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public String uid() {
        return uid;
    }

    public String resourceVersion() {
        return resourceVersion;
    }

    /** The labels, never {@code null}; unmodifiable. */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * The object as compact JSON, apiVersion and kind first. The array may be shared with the cache (while it is not
     * compressed): never modify it.
     */
    public byte[] json() {
        byte[] stored = body;
        if (stored == null) {
            return ObjectJson.encode(decoded, decoded.getApiVersion(), decoded.getKind());
        }
        return isJson(stored) ? stored : dictionary.decompress(stored);
    }

    /**
     * Keeps this state compressed with {@code with} from now on, unless it is still decoded, compressed already, or
     * would not get smaller. Only ever called on the {@link CacheCompressor}'s thread.
     */
    void compress(ZstdDictionary with) {
        byte[] stored = body;
        if (stored == null || !isJson(stored)) {
            return;
        }
        byte[] frame = with.compress(stored);
        if (frame.length < stored.length) {
            dictionary = with;
            body = frame;
        }
    }

    /** Whether this state is kept compressed. */
    boolean isCompressed() {
        byte[] stored = body;
        return stored != null && !isJson(stored);
    }

    /** The bytes this state takes in the cache, compressed or not; 0 while it is still decoded. */
    int storedBytes() {
        byte[] stored = body;
        return stored == null ? 0 : stored.length;
    }

    /** The size of this state's compact JSON; 0 while it is still decoded. */
    int jsonBytes() {
        byte[] stored = body;
        if (stored == null) {
            return 0;
        }
        return isJson(stored) ? stored.length : ZstdDictionary.contentSize(stored);
    }

    // Compact JSON of an object starts with '{'; a zstd frame with its magic number, whose first byte is 0x28.
    private static boolean isJson(byte[] stored) {
        return stored.length > 0 && stored[0] == '{';
    }

    /** A new, independent decoded copy of the object: modifying it does not change the cache. */
    public GenericKubernetesResource decode() {
        return READER.readValue(json());
    }

    @Override
    public void serialize(JsonGenerator generator, SerializationContext context) {
        generator.writeRawValue(new String(json(), StandardCharsets.UTF_8));
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
        // Never written polymorphically: a Kubernetes object names its own type in apiVersion and kind.
        serialize(generator, context);
    }

    /**
     * The object reduced to its identity and labels, as fabric8's informer machinery receives it from the store.
     * Carries this cached object, so a handler can still reach the full state.
     */
    GenericKubernetesResource reduced(String apiVersion, String kind) {
        return new ReducedResource(this, apiVersion, kind);
    }

    private static Map<String, String> pooledLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> pooled = new HashMap<>(labels.size() * 2);
        labels.forEach((key, value) -> {
            // No API server sends a label without a value; an object built in code may, and matches no selector on it.
            if (key != null && value != null) {
                pooled.put(StringPool.pooled(key), StringPool.pooled(value));
            }
        });
        return Map.copyOf(pooled);
    }
}
