package io.kubeeventbridge.publish;

/** Hands events to Kafka. Never blocks the caller, which is an informer's event thread. */
public interface EventPublisher {

    void publish(OutgoingEvent event);

    /**
     * Records the state {@code event} carries in the checkpoints, as if it had been published, without sending it: a
     * snapshot, creation or delete its resource's {@code operations} leave out. So the terms after know the object as
     * one whose addition was decided on: a snapshot left out does not come back as a creation after a restart, a delete
     * left out leaves no checkpoint behind, and an object known only so is still deleted when it vanishes.
     */
    void recordUnpublished(OutgoingEvent event);
}
