package io.kubeeventbridge.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of each checkpoint written outside transactions. A failed write is not retried: it costs at most a
 * repeated event after a restart, since the object's next change writes its checkpoint again. A checkpoint topic that
 * keeps refusing writes, though, has every restart and every new leader publish again what changed meanwhile, so an
 * operator must see it: each failure is counted per resource, the first of an outage logged, the rest summarised every
 * {@link #SUMMARY_INTERVAL} (not one line per object while Kafka is away), the end of the outage logged too, and health
 * learns since when writes fail.
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
    private long failedInOutage;
    private long failedSinceLastLine;
    private Instant lastLine;

    CheckpointWriteOutcomes(String checkpointTopic, MeterRegistry meters, Clock clock) {
        this.checkpointTopic = checkpointTopic;
        this.meters = meters;
        this.clock = clock;
    }

    void written() {
        // Once per checkpoint, on the producer's I/O thread: one volatile read unless writes were failing.
        if (failingSince != null) {
            recovered();
        }
    }

    synchronized void failed(CheckpointKey key, Throwable error) {
        // The template reports an immediate failure as a KafkaException "Send failed" around the producer's.
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Counter.builder(FAILED)
                .description("Checkpoints Kafka did not take; each costs at most a repeated event after a restart")
                .tag("resource", key.scope().resourceName())
                .register(meters)
                .increment();
        Instant now = clock.instant();
        failedInOutage++;
        if (failingSince == null) {
            failingSince = now;
            lastLine = now;
            failedSinceLastLine = 0;
            log.warn(
                    "Could not write the checkpoint of {} to {} ({}); after a restart its object may be published"
                            + " again. Further failures are counted in {} and summarised every {}",
                    key.describe(),
                    checkpointTopic,
                    lastError,
                    FAILED,
                    SUMMARY_INTERVAL);
            return;
        }
        failedSinceLastLine++;
        if (!now.isBefore(lastLine.plus(SUMMARY_INTERVAL))) {
            log.warn(
                    "Could not write {} more checkpoints to {} in the last {}, failing since {}; last error: {}",
                    failedSinceLastLine,
                    checkpointTopic,
                    Duration.between(lastLine, now),
                    failingSince,
                    lastError);
            lastLine = now;
            failedSinceLastLine = 0;
        }
    }

    private synchronized void recovered() {
        Instant since = failingSince;
        if (since == null) {
            return; // another write's success came first
        }
        failingSince = null;
        log.info(
                "Checkpoints are written to {} again after {} of failures; {} failed meanwhile, each written again"
                        + " with its object's next change",
                checkpointTopic,
                Duration.between(since, clock.instant()),
                failedInOutage);
        failedInOutage = 0;
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
