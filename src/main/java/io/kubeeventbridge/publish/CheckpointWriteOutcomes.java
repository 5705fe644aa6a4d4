package io.kubeeventbridge.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of each checkpoint written outside transactions. A failed write is retried with the next batch ({@link
 * CheckpointStore}); one still unwritten when the term ends costs at most a repeated event after a restart. A
 * checkpoint topic that keeps refusing writes, though, has every restart and every new leader publish again what
 * changed meanwhile, so an operator must see it: each failure is counted per resource, the first of an outage logged,
 * the rest summarised every {@link #SUMMARY_INTERVAL} (not one line per object while Kafka is away), the end of the
 * outage logged too, and health learns since when writes fail. Only during a term: a replica that writes nothing has no
 * outage to report.
 */
final class CheckpointWriteOutcomes implements CheckpointWriteState {

    static final String FAILED = "bridge.checkpoints.failed";
    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriteOutcomes.class);

    private final String checkpointTopic;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile Instant failingSince;
    private volatile String lastError;
    // Guarded by this.
    private boolean writing;
    private long failedInOutage;
    private long failedSinceLastLine;
    private Instant lastLine;

    CheckpointWriteOutcomes(String checkpointTopic, MeterRegistry meters, Clock clock) {
        this.checkpointTopic = checkpointTopic;
        this.meters = meters;
        this.clock = clock;
    }

    /** A term begins: this replica writes checkpoints from now on. */
    synchronized void began() {
        writing = true;
    }

    /**
     * The term ended: a write still under way that fails is counted, but is no outage, since this replica writes
     * nothing more.
     */
    synchronized void ended() {
        writing = false;
        Instant since = failingSince;
        if (since != null) {
            failingSince = null;
            log.info(
                    "Stopped writing checkpoints to {} after {} of failures; {} failed meanwhile",
                    checkpointTopic,
                    Duration.between(since, clock.instant()),
                    failedInOutage);
        }
    }

    void written() {
        // Once per checkpoint, on the producer's I/O thread: one volatile read unless writes were failing.
        if (failingSince != null) {
            recovered();
        }
    }

    synchronized void failed(CheckpointKey key, Throwable error) {
        lastError = SendFailures.describe(SendFailures.cause(error));
        Counter.builder(FAILED)
                .description("Checkpoint writes Kafka did not take; each is retried with the next batch")
                .tag("resource", key.scope().resourceName())
                .register(meters)
                .increment();
        if (!writing) {
            return;
        }
        Instant now = clock.instant();
        if (failingSince == null) {
            outageBegins(key, now);
        } else {
            failedInOutage++;
            failedSinceLastLine++;
            summariseWhenDue(now);
        }
    }

    /** Holding the lock. */
    private void outageBegins(CheckpointKey key, Instant now) {
        failingSince = now;
        failedInOutage = 1;
        failedSinceLastLine = 0;
        lastLine = now;
        log.warn(
                "Could not write the checkpoint of {} to {} ({}); retrying with the next batches, and until one is"
                        + " written a restart may publish its object again."
                        + " Further failures are counted in {} and summarised every {}",
                key.describe(),
                checkpointTopic,
                lastError,
                FAILED,
                SUMMARY_INTERVAL);
    }

    /** Holding the lock. */
    private void summariseWhenDue(Instant now) {
        if (now.isBefore(lastLine.plus(SUMMARY_INTERVAL))) {
            return;
        }
        log.warn(
                "Could not write {} more checkpoints to {} in the last {}, failing since {}; last error: {}",
                failedSinceLastLine,
                checkpointTopic,
                Duration.between(lastLine, now),
                failingSince,
                lastError);
        failedSinceLastLine = 0;
        lastLine = now;
    }

    private synchronized void recovered() {
        Instant since = failingSince;
        if (since == null) {
            return; // another write's success came first
        }
        failingSince = null;
        log.info(
                "Checkpoints are written to {} again after {} of failures; {} writes failed meanwhile, and what they"
                        + " held is written with the next batches",
                checkpointTopic,
                Duration.between(since, clock.instant()),
                failedInOutage);
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
