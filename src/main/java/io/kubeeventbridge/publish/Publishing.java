package io.kubeeventbridge.publish;

/**
 * Publishing as one unit, in terms that leadership begins and ends: only the replica that leads sends events and
 * checkpoints, and each new term starts from the checkpoints as the previous one committed them.
 */
public interface Publishing {

    /**
     * Begins a term: fences whoever published before (with transactions), then reads the checkpoints as committed.
     * Events handed to the {@link EventPublisher} are sent from now on.
     *
     * @param fenced called, once, if a newer term elsewhere fences this one: it has ended then
     * @return the checkpoints to reconcile the caches with
     * @throws PublishingUnavailableException when Kafka cannot be reached to begin; nothing was sent, try again
     */
    Checkpoints begin(Runnable fenced);

    /**
     * Ends the term at once, as when leadership is lost: nothing more is sent, an open transaction is aborted, and
     * queued events are dropped, since whoever leads next reconciles from the checkpoints.
     */
    void end();

    /** Ends the term on shutdown: what is queued is sent first, for at most {@code bridge.kafka.drain-timeout}. */
    void finish();
}
