package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.lifecycle.LifecyclePhases;
import io.kubeeventbridge.metrics.EventMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the events of the {@link PendingEvents} queue to Kafka on a thread of its own, so a slow or unreachable
 * broker (the producer blocks while it waits for metadata or buffer space) never holds up an informer. A failed send
 * puts its event back at the front of its object's queue and pauses sending with a growing backoff; nothing is
 * dropped, and each object's events stay in order. On shutdown it stops taking events and drains the queue for a
 * bounded time, once the informers have stopped ({@link LifecyclePhases}).
 */
final class KafkaEventPublisher implements EventPublisher, SmartLifecycle, PublisherState {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final RecordFactory records;
    private final PendingEvents queue;
    private final CheckpointStore checkpoints;
    private final boolean tombstones;
    private final Duration drainTimeout;
    private final EventMetrics metrics;
    private final Clock clock;
    private final Backoff backoff;
    private volatile Thread sender;
    private volatile boolean accepting;
    private volatile Instant failingSince;
    private volatile String lastError;

    KafkaEventPublisher(
            KafkaTemplate<byte[], byte[]> kafka,
            RecordFactory records,
            PendingEvents queue,
            CheckpointStore checkpoints,
            boolean tombstones,
            Duration drainTimeout,
            EventMetrics metrics,
            Clock clock) {
        this.kafka = kafka;
        this.records = records;
        this.queue = queue;
        this.checkpoints = checkpoints;
        this.tombstones = tombstones;
        this.drainTimeout = drainTimeout;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF, clock);
    }

    @Override
    public void publish(OutgoingEvent event) {
        if (!accepting) {
            // Only during shutdown, after the informers stopped; the next start lists everything again.
            log.warn("Publisher stopped; not sending {}", event.describe());
            return;
        }
        queue.add(event);
    }

    private void sendLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                backoff.awaitResume();
                OutgoingEvent event = queue.take(POLL);
                if (event != null) {
                    send(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send(OutgoingEvent event) {
        CompletableFuture<?> sent;
        try {
            sent = kafka.send(records.event(event));
            if (tombstones && event.operation() == Operation.DELETED) {
                // Sent before the acknowledgement of the event: the producer keeps the order within the partition.
                sent = CompletableFuture.allOf(sent, kafka.send(records.tombstone(event)));
            }
        } catch (RuntimeException e) {
            // The producer gave up waiting for metadata or buffer space: Kafka is unreachable or overloaded.
            failed(event, e);
            return;
        }
        sent.whenComplete((result, error) -> {
            if (error == null) {
                acknowledged(event);
            } else {
                failed(event, error);
            }
        });
    }

    private void acknowledged(OutgoingEvent event) {
        checkpoints.acknowledged(event);
        queue.acknowledged(event);
        backoff.reset();
        Instant outageStart = failingSince;
        if (outageStart != null) {
            failingSince = null;
            log.info(
                    "Kafka takes events again after {} of failures; {} events queued",
                    Duration.between(outageStart, clock.instant()),
                    queue.size());
        }
        metrics.published(event.resource(), event.operation());
        if (event.event().getTime() != null) {
            metrics.acknowledgedAfter(
                    event.resource(), Duration.between(event.event().getTime().toInstant(), clock.instant()));
        }
        if (log.isDebugEnabled()) {
            // Runs on the producer's I/O thread for every event: describe() only when it is logged.
            log.debug("Published {} to {}", event.describe(), event.topic());
        }
    }

    private void failed(OutgoingEvent event, Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RecordTooLargeException && !EventNormaliser.isTruncated(event.event())) {
            // Never dropped: consumers learn that the object changed, and can read it from the API server.
            metrics.failed(event.resource(), event.operation(), "too-large");
            log.warn(
                    "{} is too large for Kafka ({}); publishing a reference to it instead",
                    event.describe(),
                    cause.getMessage());
            queue.failed(event.withEvent(EventNormaliser.truncated(event.event()), event.operation()));
            return;
        }
        metrics.failed(event.resource(), event.operation(), "send");
        lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Duration delay = backoff.failed();
        // One warning per outage, not one per object: the queue keeps every object's latest change meanwhile.
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
    public void start() {
        log.info("Publisher started; {} events queued", queue.size());
        accepting = true;
        sender = new Thread(this::sendLoop, "event-publisher");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void stop() {
        accepting = false;
        try {
            if (queue.awaitEmpty(drainTimeout)) {
                log.info("Published every queued event before stopping");
            } else {
                log.warn("Stopping with {} events not acknowledged by Kafka after {}", queue.size(), drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
    }

    @Override
    public boolean isRunning() {
        return sender != null && sender.isAlive();
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.PUBLISHER;
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
