package io.kubeeventbridge.publish;

/** Hands events to Kafka. Never blocks the caller, which is an informer's event thread. */
public interface EventPublisher {

    void publish(OutgoingEvent event);
}
