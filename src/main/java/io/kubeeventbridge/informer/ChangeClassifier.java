package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubeeventbridge.event.Operation;
import java.util.Objects;
import java.util.function.Function;

/**
 * Adapts fabric8's callbacks to a {@link ChangeListener}. fabric8 delivers every add of the first list before the
 * first {@code onList}, so every add before it is a snapshot and every later one a creation (including adds found by
 * a relist after a broken watch: those objects appeared while the watch was down). Each change is handed over with
 * its compact JSON, which the store keeps from then on ({@link CompactItemStore#compact}).
 */
final class ChangeClassifier implements ResourceEventHandler<GenericKubernetesResource> {

    private final ChangeListener listener;
    private final Function<GenericKubernetesResource, byte[]> compact;
    private final String namespace;
    private final Runnable onListed;
    private volatile boolean firstListDone;

    /**
     * @param compact an object's compact JSON, from the store that holds it ({@link CompactItemStore#compact})
     * @param namespace the informer's namespace, or {@code null} for all
     * @param onListed runs after every completed full list, the first and each relist
     */
    ChangeClassifier(
            ChangeListener listener,
            Function<GenericKubernetesResource, byte[]> compact,
            String namespace,
            Runnable onListed) {
        this.listener = listener;
        this.compact = compact;
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
        listener.onChange(firstListDone ? Operation.CREATED : Operation.SNAPSHOT, object, compact.apply(object));
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource current) {
        if (!Objects.equals(resourceVersion(previous), resourceVersion(current))) {
            listener.onChange(Operation.UPDATED, current, compact.apply(current));
        }
    }

    @Override
    public void onDelete(GenericKubernetesResource lastKnownState, boolean finalStateUnknown) {
        // With finalStateUnknown the delete happened while the watch was down, and fabric8 hands over what the store
        // gives back: reduced to identity and labels, while the event carries the last known state in full.
        GenericKubernetesResource deleted = lastKnownState instanceof ReducedResource reduced
                ? reduced.cached().decode()
                : lastKnownState;
        listener.onChange(Operation.DELETED, deleted, compact.apply(lastKnownState));
    }

    private static String resourceVersion(GenericKubernetesResource object) {
        return object.getMetadata() == null ? null : object.getMetadata().getResourceVersion();
    }
}
