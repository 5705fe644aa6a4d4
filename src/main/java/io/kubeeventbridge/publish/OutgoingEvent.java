package io.kubeeventbridge.publish;

import io.cloudevents.CloudEvent;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One event on its way to Kafka.
 *
 * @param topic the topic of the object's resource type
 * @param key the record key, the object's partition key, so that all its events land on one partition in order
 * @param event the CloudEvent
 * @param type the object's resource type, for its checkpoint
 * @param operation what happened, for metrics and to know when a tombstone follows
 * @param fingerprint for the checkpoint, the fingerprint of what counts in the published state, where its resource
 *     compares updates by content: asked where the checkpoint is made, off the informer's thread, and only for the
 *     states checkpointed. {@code null} where the resource does not compare updates (and for a delete): the
 *     checkpoint then records no fingerprint, only uid and resourceVersion
 * @param madeAtNanos {@link System#nanoTime()} when it was made, just after its change was observed: where its latency
 *     to Kafka's acknowledgement starts. The event's time would say the same, but the producer's I/O thread, which
 *     acknowledges, would read it from memory and convert it, at more cost than the rest of the measurement
 */
public record OutgoingEvent(
        String topic,
        String key,
        CloudEvent event,
        ResourceType type,
        Operation operation,
        Supplier<OptionalLong> fingerprint,
        long madeAtNanos) {

    /** Made now. */
    public OutgoingEvent(
            String topic,
            String key,
            CloudEvent event,
            ResourceType type,
            Operation operation,
            Supplier<OptionalLong> fingerprint) {
        this(topic, key, event, type, operation, fingerprint, System.nanoTime());
    }

    /** The same object's {@code event}, which carries the same state, in place of this one; made when this one was. */
    OutgoingEvent withEvent(CloudEvent event, Operation operation) {
        return new OutgoingEvent(topic, key, event, type, operation, fingerprint, madeAtNanos);
    }

    /** {@code deleted apps/v1/deployments shop/web (id ...)}, for logs; never includes the payload. */
    String describe() {
        return operation.typeSegment() + " " + type + " " + key + " (id " + event.getId() + ")";
    }
}
