package io.kubeeventbridge.bridge;

import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.EventNormalisationException;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ChangeListener;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.publish.Checkpoint;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.OutgoingEvent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each change of one resource type into a CloudEvent and hands it to the publisher; reconciles the first list
 * with the previous run's checkpoints. A change that cannot be turned into an event is logged with the object's
 * identity and counted; the exception never reaches the informer.
 */
final class ChangeHandler implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeHandler.class);

    private final ResourceType type;
    private final String topic;
    private final Reconciliation reconciliation;
    private final EventNormaliser normaliser;
    private final EventPublisher publisher;
    private final EventMetrics metrics;
    private final Clock clock;

    ChangeHandler(
            ResourceType type,
            String topic,
            Reconciliation reconciliation,
            EventNormaliser normaliser,
            EventPublisher publisher,
            EventMetrics metrics,
            Clock clock) {
        this.type = type;
        this.topic = topic;
        this.reconciliation = reconciliation;
        this.normaliser = normaliser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onChange(Operation operation, GenericKubernetesResource object, byte[] json) {
        metrics.received(type.toString(), operation);
        if (operation != Operation.SNAPSHOT) {
            publish(operation, object, json);
            return;
        }
        String key =
                key(object.getMetadata().getNamespace(), object.getMetadata().getName());
        for (Operation reconciled : reconciliation.listed(
                key, object.getMetadata().getUid(), object.getMetadata().getResourceVersion())) {
            if (reconciled == Operation.DELETED) {
                publishVanished(key, reconciliation.checkpoint(key));
            } else {
                publish(reconciled, object, json);
            }
        }
    }

    @Override
    public void onFirstList(String namespace) {
        List<Reconciliation.Vanished> vanished = reconciliation.vanished(namespace);
        if (!vanished.isEmpty()) {
            log.info("{} objects of {} were deleted while the bridge was down", vanished.size(), type);
        }
        vanished.forEach(gone -> publishVanished(gone.key(), gone.checkpoint()));
    }

    /** @param json the object's compact JSON ({@link ObjectJson}), the event's data */
    private void publish(Operation operation, GenericKubernetesResource object, byte[] json) {
        publish(
                operation,
                () -> normaliser.normalise(type, operation, object, json, OffsetDateTime.now(clock)),
                () -> key(
                        object.getMetadata().getNamespace(),
                        object.getMetadata().getName()));
    }

    /** The delete of an object gone while the bridge was down, with what its checkpoint knows of it. */
    private void publishVanished(String key, Checkpoint checkpoint) {
        publish(
                Operation.DELETED,
                () -> normaliser.reconciledDelete(
                        type, key, checkpoint.uid(), checkpoint.resourceVersion(), OffsetDateTime.now(clock)),
                () -> key);
    }

    /** @param key the object's key, for the log when the publisher fails */
    private void publish(Operation operation, Supplier<CloudEvent> normalise, Supplier<String> key) {
        String resource = type.toString();
        try {
            CloudEvent event = normalise.get();
            publisher.publish(new OutgoingEvent(
                    topic, (String) event.getExtension(EventExtensions.PARTITION_KEY), event, type, operation));
        } catch (EventNormalisationException e) {
            // The message names the object; its content stays out of the log.
            metrics.failed(resource, operation, "normalise");
            log.error("Skipped a change: {}", e.getMessage());
        } catch (RuntimeException e) {
            metrics.failed(resource, operation, "publish");
            log.error(
                    "Could not hand the {} of {} {} to the publisher", operation.typeSegment(), resource, key.get(), e);
        }
    }

    private static String key(String namespace, String name) {
        return EventNormaliser.partitionKey(namespace, name);
    }
}
