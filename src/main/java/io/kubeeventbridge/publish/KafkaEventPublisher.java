package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.metrics.EventMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the events of the {@link PendingEvents} queue to Kafka on a thread of its own, so a slow or unreachable
 * broker (the producer blocks while it waits for metadata or buffer space) never holds up an informer. A failed send
 * puts its event back at the front of its object's queue and pauses sending with a growing backoff; nothing is
 * dropped, and each object's events stay in order.
 *
 * <p>It sends only during a term ({@link Publishing}). Without transactions each event is sent as it comes and counts
 * as published when Kafka acknowledges it; its checkpoint follows in a batch. With transactions, events are sent in
 * batches of up to {@code bridge.kafka.transaction-interval}, each with its checkpoint, and count as published when
 * their transaction commits: the transaction is the batch boundary of the same path.
 */
final class KafkaEventPublisher implements EventPublisher, Publishing {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int MAX_BATCH = 1000;
    // Without transactions: what is ready is taken in one hand-over, up to this many. Taken events are in flight, so a
    // newer state of their object no longer replaces them; few enough that sending them takes no time to speak of.
    private static final int MAX_READY = 64;

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Supplier<TransactionalSender> transactions;
    private final RecordFactory records;
    private final PendingEvents queue;
    private final CheckpointStore checkpoints;
    private final PublishSettings settings;
    private final Backoff backoff;
    private final SendOutcomes outcomes;
    private volatile Term term;

    /** @param transactions a new transactional sender for each term, or {@code null} to publish without */
    KafkaEventPublisher(
            KafkaTemplate<byte[], byte[]> kafka,
            Supplier<TransactionalSender> transactions,
            RecordFactory records,
            PendingEvents queue,
            CheckpointStore checkpoints,
            PublishSettings settings,
            EventMetrics metrics,
            Clock clock) {
        this.kafka = kafka;
        this.transactions = transactions;
        this.records = records;
        this.queue = queue;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF, clock);
        this.outcomes = new SendOutcomes(queue, checkpoints, backoff, metrics, clock);
    }

    /** How sending goes, for health. */
    PublisherState state() {
        return outcomes;
    }

    @Override
    public void publish(OutgoingEvent event) {
        Term current = term;
        if (current == null || !current.accepting) {
            // Between terms: whoever leads next reconciles this object from its cache.
            log.debug("Not publishing, no term: {}", event.describe());
            return;
        }
        queue.add(event);
    }

    /** Written with the next batch of checkpoints, outside transactions: no event needs to commit with it. */
    @Override
    public void recordUnpublished(OutgoingEvent event) {
        Term current = term;
        if (current != null && current.accepting) {
            checkpoints.acknowledged(event);
        }
    }

    @Override
    public synchronized Checkpoints begin(Runnable fenced) {
        TransactionalSender sender = null;
        if (transactions != null) {
            try {
                sender = transactions.get();
            } catch (KafkaException e) {
                throw new PublishingUnavailableException("Kafka could not begin transactions: " + e.getMessage(), e);
            }
        }
        Checkpoints read = checkpoints.begin();
        Term started = new Term(sender, fenced);
        term = started;
        started.thread.start();
        log.info("Publishing{}; {} events queued", sender == null ? "" : " with transactions", queue.size());
        return read;
    }

    @Override
    public synchronized void end() {
        Term ending = term;
        if (ending == null) {
            return;
        }
        term = null;
        ending.stop();
        checkpoints.end(false);
        int dropped = queue.clear();
        outcomes.termEnded();
        log.info("Stopped publishing; dropped {} queued events for the next leader to reconcile", dropped);
    }

    @Override
    public synchronized void finish() {
        Term ending = term;
        if (ending == null) {
            return;
        }
        ending.accepting = false;
        try {
            if (queue.awaitEmpty(settings.drainTimeout())) {
                log.info("Published every queued event before stopping");
            } else {
                log.warn(
                        "Stopping with {} events not acknowledged by Kafka after {}",
                        queue.size(),
                        settings.drainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        term = null;
        ending.stop();
        checkpoints.end(true);
        outcomes.termEnded();
    }

    /** One term: its sender thread, and its transactional sender when there are transactions. */
    private final class Term {

        final Thread thread;
        final Runnable fenced;
        volatile boolean accepting = true;
        TransactionalSender transactional;
        private final List<OutgoingEvent> taken = new ArrayList<>(MAX_READY);

        Term(TransactionalSender transactional, Runnable fenced) {
            this.transactional = transactional;
            this.fenced = fenced;
            this.thread = new Thread(this::sendLoop, "event-publisher");
            thread.setDaemon(true);
        }

        private void sendLoop() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    backoff.awaitResume();
                    if (transactional == null) {
                        sendReady();
                    } else if (!sendTransaction(takeBatch())) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * Sends the events ready now, each as it comes. Once a send fails, those not sent yet go back to their
         * objects' queues, as a failed one does, so newer states replace them during the backoff.
         */
        private void sendReady() throws InterruptedException {
            queue.drainTo(taken, MAX_READY, POLL);
            for (int index = 0; index < taken.size(); index++) {
                if (index > 0 && backoff.paused()) {
                    taken.subList(index, taken.size()).forEach(queue::failed);
                    break;
                }
                send(taken.get(index));
            }
            taken.clear();
        }

        private List<OutgoingEvent> takeBatch() throws InterruptedException {
            List<OutgoingEvent> batch = new ArrayList<>();
            if (queue.drainTo(batch, MAX_BATCH, POLL) == 0) {
                return batch;
            }
            long deadline = System.nanoTime() + settings.transactionInterval().toNanos();
            long left;
            while (batch.size() < MAX_BATCH && (left = deadline - System.nanoTime()) > 0) {
                if (queue.drainTo(batch, MAX_BATCH - batch.size(), Duration.ofNanos(left)) == 0) {
                    break;
                }
            }
            return batch;
        }

        /** @return whether this term goes on: not once it is fenced */
        private boolean sendTransaction(List<OutgoingEvent> batch) {
            if (batch.isEmpty()) {
                return true;
            }
            if (transactional == null) {
                try {
                    transactional = transactions.get();
                } catch (KafkaException e) {
                    batch.forEach(event -> outcomes.failed(event, e));
                    return true;
                }
            }
            TransactionalSender.Outcome outcome = transactional.send(batch);
            if (outcome instanceof TransactionalSender.Committed) {
                batch.forEach(event -> outcomes.published(event, null));
            } else if (outcome instanceof TransactionalSender.Fenced fencedBy) {
                log.warn(
                        "A newer leader fenced this replica's producer ({}); it publishes nothing more",
                        fencedBy.cause().getMessage());
                // Ended from another thread: ending joins this one.
                Thread ending = new Thread(fenced, "publishing-fenced");
                ending.setDaemon(true);
                ending.start();
                return false;
            } else if (outcome instanceof TransactionalSender.Aborted aborted) {
                for (int index = 0; index < batch.size(); index++) {
                    outcomes.failed(batch.get(index), aborted.causes().get(index));
                }
                if (!aborted.usable()) {
                    transactional.close();
                    transactional = null;
                }
            }
            return true;
        }

        void stop() {
            accepting = false;
            thread.interrupt();
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(settings.drainTimeout().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (transactional != null) {
                transactional.close();
            }
        }
    }

    private void send(OutgoingEvent event) {
        CompletableFuture<?> sent;
        Supplier<byte[]> checkpoint;
        try {
            ProducerRecord<byte[], byte[]> record = records.event(event);
            // After the record, which has just read what the checkpoint holds.
            checkpoint = checkpoints.checkpointOf(event);
            sent = kafka.send(record);
            if (settings.tombstones() && event.operation() == Operation.DELETED) {
                // Sent before the acknowledgement of the event: the producer keeps the order within the partition.
                sent = CompletableFuture.allOf(sent, kafka.send(records.tombstone(event)));
            }
        } catch (RuntimeException e) {
            // The producer gave up waiting for metadata or buffer space: Kafka is unreachable or overloaded.
            outcomes.failed(event, e);
            return;
        }
        sent.whenComplete((result, error) -> {
            if (error == null) {
                outcomes.published(event, checkpoint);
            } else {
                outcomes.failed(event, error);
            }
        });
    }
}
