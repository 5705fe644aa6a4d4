package io.kubeeventbridge.bridge;

import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.EventNormalisationException;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.ChangeListener;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.predicate.ChangePredicate;
import io.kubeeventbridge.publish.Checkpoint;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.OutgoingEvent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each change of one resource type into a CloudEvent and hands it to the publisher, while this replica leads
 * (a publishing term). A term begins by reconciling with the checkpoints: what the cache holds then, and every
 * object its first lists deliver after, is compared with what was last published, and objects of completed lists
 * that are gone publish their delete. A change that cannot be turned into an event is logged with the object's
 * identity and counted; the exception never reaches the informer.
 *
 * <p>The entry's {@link ChangePredicate} decides what is published, the reconciled changes of a term included: an
 * operation left out of {@code operations}, or an update in which nothing that counts changed, is counted as filtered
 * and publishes nothing. Where updates are compared, each event carries the fingerprint of what counts in its state,
 * for the checkpoint, and a term compares it with the checkpoint's.
 *
 * <p>Synchronized: a term's reconciliation reads the cache while informers keep delivering, and what is published
 * must never go back in resourceVersion; informers never hand over a state older than their cache's.
 */
final class ChangeHandler implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeHandler.class);
    private static final String ALL_NAMESPACES = "";

    private final ResourceType type;
    private final String topic;
    private final Supplier<Collection<CachedObject>> cached;
    private final ChangePredicate predicate;
    private final EventNormaliser normaliser;
    private final EventPublisher publisher;
    private final EventMetrics metrics;
    private final Clock clock;
    private final Set<String> listed = new HashSet<>();
    private Reconciliation term;
    private boolean stopped;

    /** @param cached what the cache of this resource holds now */
    ChangeHandler(
            ResourceType type,
            String topic,
            Supplier<Collection<CachedObject>> cached,
            ChangePredicate predicate,
            EventNormaliser normaliser,
            EventPublisher publisher,
            EventMetrics metrics,
            Clock clock) {
        this.type = type;
        this.topic = topic;
        this.cached = cached;
        this.predicate = predicate;
        this.normaliser = normaliser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    ResourceType type() {
        return type;
    }

    String topic() {
        return topic;
    }

    @Override
    public synchronized void onChange(Operation operation, GenericKubernetesResource object, byte[] json) {
        metrics.received(type, operation);
        if (term == null) {
            return; // not leading: whoever leads reconciles from its own cache
        }
        if (operation == Operation.SNAPSHOT) {
            reconcile(
                    key(object),
                    object.getMetadata().getUid(),
                    object.getMetadata().getResourceVersion(),
                    object,
                    json);
        } else {
            publishObserved(operation, object, json, () -> predicate.fingerprint(json));
        }
    }

    @Override
    public synchronized void onUpdate(GenericKubernetesResource object, byte[] json, Supplier<byte[]> previous) {
        metrics.received(type, Operation.UPDATED);
        if (term == null) {
            return;
        }
        if (!predicate.comparesUpdates()) {
            publishObserved(Operation.UPDATED, object, json, null);
            return;
        }
        ChangePredicate.Update update = predicate.update(previous.get(), json);
        if (!update.publish()) {
            metrics.filtered(type, Operation.UPDATED);
        } else if (update.changedPaths() == null) {
            publishObserved(Operation.UPDATED, object, json, update.fingerprint());
        } else {
            publish(
                    Operation.UPDATED,
                    () -> normaliser.normaliseUpdate(
                            type, object, json, update.changedPaths(), OffsetDateTime.now(clock)),
                    update.fingerprint(),
                    () -> key(object));
        }
    }

    @Override
    public synchronized void onFirstList(String namespace) {
        listed.add(namespace == null ? ALL_NAMESPACES : namespace);
        if (term != null) {
            publishVanished(namespace);
        }
    }

    /** This replica leads: reconcile what the cache holds with {@code checkpoints}, then publish every change. */
    synchronized void startTerm(Map<String, Checkpoint> checkpoints) {
        if (stopped) {
            return;
        }
        term = new Reconciliation(checkpoints);
        for (CachedObject object : cached.get()) {
            reconcile(
                    key(object.namespace(), object.name()),
                    object.uid(),
                    object.resourceVersion(),
                    identity(object),
                    object.json());
        }
        listed.forEach(namespace -> publishVanished(namespace.equals(ALL_NAMESPACES) ? null : namespace));
    }

    /** This replica no longer leads: publish nothing more. */
    synchronized void endTerm() {
        term = null;
    }

    /**
     * The informers are gone for good: no later term reconciles this type, whose empty cache would otherwise make
     * every checkpointed object a delete.
     */
    @Override
    public synchronized void onStopped() {
        stopped = true;
        term = null;
    }

    private void reconcile(
            String key, String uid, String resourceVersion, GenericKubernetesResource object, byte[] json) {
        Supplier<OptionalLong> fingerprint = once(() -> predicate.fingerprint(json));
        for (Operation reconciled : term.listed(key, uid, resourceVersion, fingerprint)) {
            if (reconciled == Operation.DELETED) {
                publishVanished(key, term.checkpoint(key));
            } else {
                publishObserved(reconciled, object, json, fingerprint);
            }
        }
    }

    private void publishVanished(String namespace) {
        List<Reconciliation.Vanished> vanished = term.vanished(namespace);
        if (!vanished.isEmpty()) {
            log.info("{} objects of {} were deleted while no replica published", vanished.size(), type);
        }
        vanished.forEach(gone -> publishVanished(gone.key(), gone.checkpoint()));
    }

    /**
     * @param json the object's compact JSON ({@link ObjectJson}), the event's data
     * @param fingerprint of what counts in that state, for the checkpoint (see {@link ChangePredicate#fingerprint}),
     *     asked where the checkpoint is made; not asked where updates are not compared, whose checkpoints are
     *     compared by resourceVersion alone and record none, nor for a delete
     */
    private void publishObserved(
            Operation operation, GenericKubernetesResource object, byte[] json, Supplier<OptionalLong> fingerprint) {
        publish(
                operation,
                () -> normaliser.normalise(type, operation, object, json, OffsetDateTime.now(clock)),
                predicate.comparesUpdates() && operation != Operation.DELETED ? fingerprint : null,
                () -> key(object));
    }

    /** The delete of an object gone while no replica published, with what its checkpoint knows of it. */
    private void publishVanished(String key, Checkpoint checkpoint) {
        publish(
                Operation.DELETED,
                () -> normaliser.reconciledDelete(
                        type, key, checkpoint.uid(), checkpoint.resourceVersion(), OffsetDateTime.now(clock)),
                null,
                () -> key);
    }

    /**
     * Publishes unless the entry leaves {@code operation} out. A snapshot, creation or delete left out is still
     * checkpointed ({@link EventPublisher#recordUnpublished}); an update left out is not, so the checkpoint keeps the
     * state last published, which later terms compare with.
     *
     * @param key the object's key, for the log when the publisher fails
     */
    private void publish(
            Operation operation,
            Supplier<CloudEvent> normalise,
            Supplier<OptionalLong> fingerprint,
            Supplier<String> key) {
        boolean publishes = predicate.publishes(operation);
        if (!publishes) {
            metrics.filtered(type, operation);
            if (operation == Operation.UPDATED) {
                return;
            }
        }
        try {
            CloudEvent event = normalise.get();
            OutgoingEvent outgoing = new OutgoingEvent(
                    topic,
                    (String) event.getExtension(EventExtensions.PARTITION_KEY),
                    event,
                    type,
                    operation,
                    fingerprint);
            if (publishes) {
                publisher.publish(outgoing);
            } else {
                publisher.recordUnpublished(outgoing);
            }
        } catch (EventNormalisationException e) {
            // The message names the object; its content stays out of the log.
            metrics.failed(type, operation, "normalise");
            log.error("Skipped a change: {}", e.getMessage());
        } catch (RuntimeException e) {
            metrics.failed(type, operation, "publish");
            log.error("Could not hand the {} of {} {} to the publisher", operation.typeSegment(), type, key.get(), e);
        }
    }

    /** What the normaliser needs of a cached object besides its JSON: its type and identity. */
    private GenericKubernetesResource identity(CachedObject object) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(type.apiVersion())
                .withKind(type.kind())
                .withNewMetadata()
                .withNamespace(object.namespace())
                .withName(object.name())
                .withUid(object.uid())
                .withResourceVersion(object.resourceVersion())
                .endMetadata()
                .build();
    }

    private static String key(GenericKubernetesResource object) {
        return key(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    private static String key(String namespace, String name) {
        return EventNormaliser.partitionKey(namespace, name);
    }

    /** {@code supplier}, asked at most once: a fingerprint decodes the object. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
