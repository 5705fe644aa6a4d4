package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubeeventbridge.event.Operation;
import java.util.Objects;

/**
 * Adapts fabric8's callbacks to a {@link ChangeListener}. fabric8 delivers the adds of the first list as one batch
 * just before the first {@code onList}, so every add before it is a snapshot and every later one a creation
 * (including adds found by a relist after a broken watch: those objects appeared while the watch was down).
 */
final class ChangeClassifier implements ResourceEventHandler<GenericKubernetesResource> {

    private final ChangeListener listener;
    private final String namespace;
    private final Runnable onListed;
    private volatile boolean firstListDone;

    /**
     * @param namespace the informer's namespace, or {@code null} for all
     * @param onListed runs after every completed full list, the first and each relist
     */
    ChangeClassifier(ChangeListener listener, String namespace, Runnable onListed) {
        this.listener = listener;
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
        listener.onChange(firstListDone ? Operation.CREATED : Operation.SNAPSHOT, object);
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource current) {
        if (!Objects.equals(resourceVersion(previous), resourceVersion(current))) {
            listener.onChange(Operation.UPDATED, current);
        }
    }

    @Override
    public void onDelete(GenericKubernetesResource lastKnownState, boolean finalStateUnknown) {
        // With finalStateUnknown the delete happened while the watch was down, and fabric8 hands over what the store
        // gives back: reduced to identity and labels, while the event carries the last known state in full.
        listener.onChange(
                Operation.DELETED,
                lastKnownState instanceof ReducedResource reduced
                        ? reduced.cached().decode()
                        : lastKnownState);
    }

    private static String resourceVersion(GenericKubernetesResource object) {
        return object.getMetadata() == null ? null : object.getMetadata().getResourceVersion();
    }
}
