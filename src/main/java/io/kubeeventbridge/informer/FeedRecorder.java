package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubeeventbridge.event.Operation;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each change of an informer to the bridge's listener, then records it in its resource's {@link ChangeFeed},
 * as the entry the informer cache holds for that state when it still does (compacted by then), so the feed costs no
 * second copy of an object. A failure to record is logged and never reaches the informer or the listener.
 */
final class FeedRecorder implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(FeedRecorder.class);

    private final ChangeListener listener;
    private final InformerResourceCache cache;

    FeedRecorder(ChangeListener listener, InformerResourceCache cache) {
        this.listener = listener;
        this.cache = cache;
    }

    @Override
    public void onChange(Operation operation, GenericKubernetesResource object, byte[] json) {
        listener.onChange(operation, object, json);
        record(operation, object, json);
    }

    /** Passed on as an update, so the listener can compare it with the state before (change predicates). */
    @Override
    public void onUpdate(GenericKubernetesResource object, byte[] json, Supplier<byte[]> previous) {
        listener.onUpdate(object, json, previous);
        record(Operation.UPDATED, object, json);
    }

    private void record(Operation operation, GenericKubernetesResource object, byte[] json) {
        try {
            cache.feed().record(operation, cached(operation, object, json));
        } catch (RuntimeException e) {
            ObjectMeta metadata = object.getMetadata();
            log.error(
                    "Could not record the {} of {} {}/{} for watchers",
                    operation.typeSegment(),
                    cache.type(),
                    metadata.getNamespace(),
                    metadata.getName(),
                    e);
        }
    }

    @Override
    public void onFirstList(String namespace) {
        listener.onFirstList(namespace);
        cache.feed().listed(cache.listedResourceVersion());
    }

    @Override
    public void onStopped() {
        listener.onStopped();
    }

    private CachedObject cached(Operation operation, GenericKubernetesResource object, byte[] json) {
        if (operation != Operation.DELETED) {
            ObjectMeta metadata = object.getMetadata();
            CachedObject held =
                    cache.get(metadata.getNamespace(), metadata.getName()).orElse(null);
            if (held != null && held.isCompact() && held.isSameState(object)) {
                return held;
            }
        }
        // Deleted, or already replaced by a newer state the handler has not been told of yet.
        return CachedObject.decoded(object).compacted(json);
    }
}
