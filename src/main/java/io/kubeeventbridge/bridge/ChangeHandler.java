package io.kubeeventbridge.bridge;

import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.EventNormalisationException;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ChangeListener;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.OutgoingEvent;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each change of one resource type into a CloudEvent and hands it to the publisher. A change that cannot be
 * turned into an event is logged with the object's identity and counted; the exception never reaches the informer.
 */
final class ChangeHandler implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeHandler.class);

    private final ResourceType type;
    private final String topic;
    private final EventNormaliser normaliser;
    private final EventPublisher publisher;
    private final EventMetrics metrics;
    private final Clock clock;

    ChangeHandler(
            ResourceType type,
            String topic,
            EventNormaliser normaliser,
            EventPublisher publisher,
            EventMetrics metrics,
            Clock clock) {
        this.type = type;
        this.topic = topic;
        this.normaliser = normaliser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onChange(Operation operation, GenericKubernetesResource object) {
        String resource = type.toString();
        metrics.received(resource, operation);
        try {
            CloudEvent event = normaliser.normalise(type, operation, object, OffsetDateTime.now(clock));
            String key = (String) event.getExtension(EventExtensions.PARTITION_KEY);
            publisher.publish(new OutgoingEvent(topic, key, event, resource, operation));
        } catch (EventNormalisationException e) {
            // The message names the object; its content stays out of the log.
            metrics.failed(resource, operation, "normalise");
            log.error("Skipped a change: {}", e.getMessage());
        } catch (RuntimeException e) {
            metrics.failed(resource, operation, "publish");
            log.error(
                    "Could not hand the {} of {} {} to the publisher",
                    operation.typeSegment(),
                    resource,
                    EventNormaliser.partitionKey(
                            object.getMetadata().getNamespace(),
                            object.getMetadata().getName()),
                    e);
        }
    }
}
