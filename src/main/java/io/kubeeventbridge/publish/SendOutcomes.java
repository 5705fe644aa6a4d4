package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.EventVariants;
import io.kubeeventbridge.metrics.EventMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of each event Kafka took or refused: a published one frees its object's next event, ends an outage
 * and is measured; a refused one goes back to the front of its object's queue (an object too large for the broker as
 * a reference to it instead, never dropped) and pauses sending with a growing backoff. One warning per outage, not
 * one per object: the queue keeps every object's latest change meanwhile.
 */
final class SendOutcomes implements PublisherState {

    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);

    private final PendingEvents queue;
    private final CheckpointStore checkpoints;
    private final Backoff backoff;
    private final EventMetrics metrics;
    private final Clock clock;
    private volatile Instant failingSince;
    private volatile String lastError;

    SendOutcomes(PendingEvents queue, CheckpointStore checkpoints, Backoff backoff, EventMetrics metrics, Clock clock) {
        this.queue = queue;
        this.checkpoints = checkpoints;
        this.backoff = backoff;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param checkpoint what {@link CheckpointStore#checkpointOf} made of the event when it was sent, to write with the
     *     next batch; {@code null} when there is nothing to write (it went in the event's transaction, or the event
     *     leaves nothing to record)
     */
    void published(OutgoingEvent event, Supplier<byte[]> checkpoint) {
        // Recorded before the object's next event may go, whose checkpoint must come after this one's; not for an
        // event sent before its term ended, whose older checkpoint could replace one the next term recorded (that
        // term's leader reconciles the object from its own cache).
        queue.acknowledged(event, () -> checkpoints.acknowledged(event, checkpoint));
        backoff.reset();
        Instant outageStart = failingSince;
        if (outageStart != null) {
            failingSince = null;
            log.info(
                    "Kafka takes events again after {} of failures; {} events queued",
                    Duration.between(outageStart, clock.instant()),
                    queue.size());
        }
        metrics.published(event.type(), event.operation());
        metrics.acknowledgedAfter(event.type(), Duration.ofNanos(System.nanoTime() - event.madeAtNanos()));
        if (log.isDebugEnabled()) {
            // Runs on the producer's I/O thread for every event: describe() only when it is logged.
            log.debug("Published {} to {}", event.describe(), event.topic());
        }
    }

    /**
     * The term ended and the queue forgot its events: this replica sends nothing more, so an outage ends for it here,
     * whatever becomes of the events still in flight; a standby must not report Kafka failing until it leads again.
     */
    void termEnded() {
        Instant outageStart = failingSince;
        if (outageStart != null) {
            failingSince = null;
            log.info(
                    "Stopped publishing after {} of Kafka refusing events; whoever leads next reconciles them",
                    Duration.between(outageStart, clock.instant()));
        }
    }

    void failed(OutgoingEvent event, Throwable error) {
        Throwable cause = SendFailures.cause(error);
        if (!queue.isInFlight(event)) {
            // Sent before its term ended: no outage of this replica's, nothing to retry, no pause for the next term.
            metrics.failed(event.type(), event.operation(), "send");
            log.debug("Kafka did not take {}, sent before its term ended: {}", event.describe(), cause.getMessage());
            return;
        }
        if (cause instanceof RecordTooLargeException && !EventVariants.isTruncated(event.event())) {
            // Never dropped: consumers learn that the object changed, and can read it from the API server.
            metrics.failed(event.type(), event.operation(), "too-large");
            log.warn(
                    "{} is too large for Kafka ({}); publishing a reference to it instead",
                    event.describe(),
                    cause.getMessage());
            queue.failed(event, event.withEvent(EventVariants.truncated(event.event()), event.operation()));
            return;
        }
        metrics.failed(event.type(), event.operation(), "send");
        lastError = SendFailures.describe(cause);
        Duration delay = backoff.failed();
        if (failingSince == null) {
            failingSince = clock.instant();
            log.warn(
                    "Kafka did not take {} on {}; retrying with backoff, queueing changes meanwhile: {}",
                    event.describe(),
                    event.topic(),
                    lastError);
        } else {
            log.debug("Kafka did not take {}; sending again in {}: {}", event.describe(), delay, lastError);
        }
        queue.failed(event);
    }

    @Override
    public int queuedEvents() {
        return queue.size();
    }

    @Override
    public Instant failingSince() {
        return failingSince;
    }

    @Override
    public String lastError() {
        return lastError;
    }
}
