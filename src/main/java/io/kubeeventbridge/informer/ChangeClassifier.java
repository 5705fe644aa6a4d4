package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubeeventbridge.event.Operation;
import java.util.Objects;

/**
 * Adapts fabric8's callbacks to a {@link ChangeListener}. fabric8 delivers every add of the first list before the
 * first {@code onList}, so every add before it is a snapshot and every later one a creation (including adds found by
 * a relist after a broken watch: those objects appeared while the watch was down). Each change is handed over
 * admitted by the store ({@link CompactItemStore#admitted}), whether or not fabric8 stored the object it notifies,
 * with its compact JSON, which the store keeps from then on ({@link CompactItemStore#compact}).
 */
final class ChangeClassifier implements ResourceEventHandler<GenericKubernetesResource> {

    private final ChangeListener listener;
    private final CompactItemStore store;
    private final String namespace;
    private final Runnable onListed;
    private volatile boolean firstListDone;

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
        handOver(firstListDone ? Operation.CREATED : Operation.SNAPSHOT, object);
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource current) {
        if (!Objects.equals(resourceVersion(previous), resourceVersion(current))) {
            handOver(Operation.UPDATED, current);
        }
    }

    /**
     * A watched delete carries the object of the watch event, which the store never admitted; a delete found by a
     * relist ({@code finalStateUnknown}) carries what the store gives back, reduced to identity and labels.
     */
    @Override
    public void onDelete(GenericKubernetesResource lastKnownState, boolean finalStateUnknown) {
        handOver(Operation.DELETED, lastKnownState);
    }

    /**
     * A state older than the one the store holds now is not handed over: the notification of the newer one follows.
     * So what a listener receives never goes back in resourceVersion, even after it read the store directly (as a
     * new leader does to reconcile).
     */
    private void handOver(Operation operation, GenericKubernetesResource notified) {
        if (operation != Operation.DELETED && store.holdsNewerThan(notified)) {
            return;
        }
        GenericKubernetesResource object = store.admitted(notified);
        byte[] json = store.compact(object);
        // The listener gets the state in full, as the event carries it.
        listener.onChange(
                operation,
                object instanceof ReducedResource reduced ? reduced.cached().decode() : object,
                json);
    }

    private static String resourceVersion(GenericKubernetesResource object) {
        return object.getMetadata() == null ? null : object.getMetadata().getResourceVersion();
    }
}
