package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubeeventbridge.event.Operation;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adapts fabric8's callbacks to a {@link ChangeListener}. fabric8 delivers every add of the first list before the
 * first {@code onList}, so every add before it is a snapshot and every later one a creation (including adds found by
 * a relist after a broken watch: those objects appeared while the watch was down). Each change is handed over
 * admitted by the store ({@link CompactItemStore#admitted}), whether or not fabric8 stored the object it notifies,
 * with its compact JSON, which the store keeps from then on ({@link CompactItemStore#compact}); an update also with
 * the state it replaced ({@link ChangeListener#onUpdate}), as the store gives it back (so compact already).
 */
final class ChangeClassifier implements ResourceEventHandler<GenericKubernetesResource> {

    private final ChangeListener listener;
    private final CompactItemStore store;
    private final String namespace;
    private final Runnable onListed;
    private volatile boolean firstListDone;
    // By key, the first change of an object skipped as stale since one of its changes was last handed over.
    private final Map<String, Skipped> skipped = new ConcurrentHashMap<>();

    /**
     * @param store the store of the informer whose changes these are
     * @param namespace the informer's namespace, or {@code null} for all
     * @param onListed runs after every completed full list, the first and each relist
     */
    ChangeClassifier(ChangeListener listener, CompactItemStore store, String namespace, Runnable onListed) {
        this.listener = listener;
        this.store = store;
        this.namespace = namespace;
        this.onListed = onListed;
    }

    @Override
    public void onList(String resourceVersion, boolean remainedEmpty) {
        if (!firstListDone) {
            firstListDone = true;
            listener.onFirstList(namespace);
        }
        onListed.run();
    }

    @Override
    public void onAdd(GenericKubernetesResource object) {
        handOver(firstListDone ? Operation.CREATED : Operation.SNAPSHOT, object, null);
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource current) {
        if (!Objects.equals(resourceVersion(previous), resourceVersion(current))) {
            handOver(Operation.UPDATED, current, previous);
        }
    }

    /**
     * A watched delete carries the object of the watch event, which the store never admitted; a delete found by a
     * relist ({@code finalStateUnknown}) carries what the store gives back, reduced to identity and labels.
     */
    @Override
    public void onDelete(GenericKubernetesResource lastKnownState, boolean finalStateUnknown) {
        handOver(Operation.DELETED, lastKnownState, null);
    }

    /**
     * A state older than the one the store holds now is not handed over: the notification of the newer one follows.
     * So what a listener receives never goes back in resourceVersion, even after it read the store directly (as a
     * new leader does to reconcile). The newer one stands for both: an update after a skipped addition is handed over
     * as that addition, and an update after a skipped update has the state before the skipped one as its previous
     * state, the state handed over last.
     *
     * @param previous for an update, the state it replaced
     */
    private void handOver(Operation operation, GenericKubernetesResource notified, GenericKubernetesResource previous) {
        String key = store.getKey(notified);
        if (operation != Operation.DELETED && store.holdsNewerThan(notified)) {
            skipped.putIfAbsent(key, new Skipped(operation, previous));
            return;
        }
        Skipped before = skipped.remove(key);
        GenericKubernetesResource object = store.admitted(notified);
        // The listener gets the state in full, as the event carries it.
        GenericKubernetesResource full =
                object instanceof ReducedResource reduced ? reduced.cached().decode() : object;
        byte[] json = store.compact(object);
        if (operation != Operation.UPDATED) {
            listener.onChange(operation, full, json);
        } else if (before != null && before.operation() != Operation.UPDATED) {
            listener.onChange(before.operation(), full, json);
        } else {
            GenericKubernetesResource replaced = before != null ? before.previous() : previous;
            listener.onUpdate(full, json, () -> store.compact(store.admitted(replaced)));
        }
    }

    /** A change skipped as stale: its operation, and for an update the state it replaced. */
    private record Skipped(Operation operation, GenericKubernetesResource previous) {}

    private static String resourceVersion(GenericKubernetesResource object) {
        return object.getMetadata() == null ? null : object.getMetadata().getResourceVersion();
    }
}
