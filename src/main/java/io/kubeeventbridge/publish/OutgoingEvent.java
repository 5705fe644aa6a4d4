package io.kubeeventbridge.publish;

import io.cloudevents.CloudEvent;
import io.kubeeventbridge.event.Operation;

/**
 * One event on its way to Kafka.
 *
 * @param topic the topic of the object's resource type
 * @param key the record key, the object's partition key, so that all its events land on one partition in order
 * @param event the CloudEvent
 * @param resource the resource type, for metrics and logs ({@code apps/v1/deployments})
 * @param operation what happened, for metrics and to know when a tombstone follows
 */
public record OutgoingEvent(String topic, String key, CloudEvent event, String resource, Operation operation) {

    /** The same object's {@code event} in place of this one. */
    OutgoingEvent withEvent(CloudEvent event, Operation operation) {
        return new OutgoingEvent(topic, key, event, resource, operation);
    }

    /** {@code deleted apps/v1/deployments shop/web (id ...)}, for logs; never includes the payload. */
    String describe() {
        return operation.typeSegment() + " " + resource + " " + key + " (id " + event.getId() + ")";
    }
}
