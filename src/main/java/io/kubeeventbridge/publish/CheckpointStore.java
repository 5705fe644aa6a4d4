package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.lifecycle.BackgroundThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The compacted checkpoint topic: one record per topic and object ({@link CheckpointRecords}), holding what its last
 * published event carried (a tombstone once it is deleted). Read as committed when a publishing term begins, so a
 * restart or a new leader publishes only what changed. Without transactions, checkpoints of acknowledged events are
 * written in batches, since one record per event would halve throughput; with transactions, each goes in the
 * transaction of its event ({@link #record}).
 */
final class CheckpointStore implements Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Supplier<byte[]> DELETED = () -> null;

    private final String checkpointTopic;
    private final KafkaAdmin admin;
    private final CheckpointReader reader;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Duration flushInterval;
    private final CheckpointWriteOutcomes outcomes;
    private volatile Map<CheckpointScope, Map<String, Checkpoint>> atStart = Map.of();
    // Newest acknowledged state per key not written yet, as its record's value (null for a deleted object): encoded
    // where the event was sent, or, where the resource compares updates, on the writer thread, since the fingerprint
    // of what counts decodes the object, work the producer's I/O thread, which acknowledges, should not do.
    private final Map<CheckpointKey, Supplier<byte[]>> unwritten = new ConcurrentHashMap<>();
    // The state of each key sent and not answered yet. A write Kafka refuses goes back to `unwritten` for the next
    // batch only while it is still the one here: not once a newer state of its object was sent, which a retry would
    // overwrite, nor once the term ended, which empties this.
    private final Map<CheckpointKey, Supplier<byte[]>> sending = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    CheckpointStore(
            String checkpointTopic,
            KafkaAdmin admin,
            CheckpointReader reader,
            KafkaTemplate<byte[], byte[]> kafka,
            Duration flushInterval,
            CheckpointWriteOutcomes outcomes) {
        this.checkpointTopic = checkpointTopic;
        this.admin = admin;
        this.reader = reader;
        this.kafka = kafka;
        this.flushInterval = flushInterval;
        this.outcomes = outcomes;
    }

    @Override
    public Map<String, Checkpoint> atStart(String topic, ResourceType type) {
        CheckpointScope scope = CheckpointScope.of(topic, type);
        Map<String, Checkpoint> current = atStart.getOrDefault(scope, Map.of());
        Map<String, Checkpoint> legacy = atStart.getOrDefault(scope.legacy(), Map.of());
        if (legacy.isEmpty()) {
            return current;
        }
        log.info("Taking {} legacy checkpoints of {} as those of topic {}", legacy.size(), type, topic);
        return adopt(scope, legacy, current);
    }

    /**
     * Takes legacy checkpoints, which name no topic, as those of the resource's current topic, so an upgrade publishes
     * only what changed; rewrites them in the current format and retires the legacy records. Written in that order
     * ({@link #write}): a crash in between leaves both, and the current record wins.
     */
    private Map<String, Checkpoint> adopt(
            CheckpointScope scope, Map<String, Checkpoint> legacy, Map<String, Checkpoint> current) {
        Map<String, Checkpoint> adopted = new HashMap<>(legacy);
        adopted.putAll(current);
        legacy.forEach((object, checkpoint) -> {
            if (!current.containsKey(object)) {
                unwritten.putIfAbsent(new CheckpointKey(scope, object), () -> CheckpointRecords.value(checkpoint));
            }
            unwritten.put(new CheckpointKey(scope.legacy(), object), DELETED);
        });
        return adopted;
    }

    /** Records that Kafka acknowledged {@code event}; written with the next batch. */
    void acknowledged(OutgoingEvent event) {
        acknowledged(event, checkpointOf(event));
    }

    /**
     * The same, with what {@link #checkpointOf} made of the event when it was sent.
     *
     * @param checkpoint {@code null} when the event leaves nothing to record
     */
    void acknowledged(OutgoingEvent event, Supplier<byte[]> checkpoint) {
        if (checkpoint != null) {
            unwritten.put(CheckpointKey.of(event), checkpoint);
        }
    }

    /** The checkpoint record of {@code event}, to send in the same transaction. */
    ProducerRecord<byte[], byte[]> record(OutgoingEvent event) {
        // An older state of the object recorded unpublished, not written yet or to be written again, must not be
        // written after this one.
        unwritten.remove(CheckpointKey.of(event));
        sending.remove(CheckpointKey.of(event));
        Supplier<byte[]> value = checkpointOf(event);
        return new ProducerRecord<>(
                checkpointTopic, CheckpointRecords.key(CheckpointKey.of(event)), value == null ? null : value.get());
    }

    /**
     * What {@code event} leaves to remember of its object, as the value of its checkpoint record ({@link
     * CheckpointRecords#value}; supplying {@code null}, a tombstone, once deleted), or {@code null} when it leaves
     * nothing: an object built in code may lack uid or resourceVersion (objects from an API server always have both).
     * Called where the event is sent, once its record is made: the value is encoded there, from the uid and
     * resourceVersion the record has just read, rather than on the writer thread, which would read them from memory
     * once more. Only where the resource compares updates by content is it left to the writer, which takes the
     * fingerprint of what counts. Where it does not, the checkpoint holds no fingerprint: a new resourceVersion is a
     * change there, so a later term compares only the resourceVersion, and a term that compares by content compares
     * a checkpoint without fingerprint by resourceVersion too ({@code Reconciliation}).
     */
    Supplier<byte[]> checkpointOf(OutgoingEvent event) {
        if (event.operation() == Operation.DELETED) {
            return DELETED;
        }
        Object uid = event.event().getExtension(EventExtensions.UID);
        Object resourceVersion = event.event().getExtension(EventExtensions.RESOURCE_VERSION);
        if (uid == null || resourceVersion == null) {
            return null;
        }
        Supplier<OptionalLong> counted = event.fingerprint();
        if (counted == null) {
            byte[] value = CheckpointRecords.value(new Checkpoint(uid.toString(), resourceVersion.toString()));
            return () -> value;
        }
        return () -> CheckpointRecords.value(new Checkpoint(uid.toString(), resourceVersion.toString(), counted.get()));
    }

    /** Checkpoints acknowledged but not written yet. */
    int unwrittenCount() {
        return unwritten.size();
    }

    /** Reads the checkpoints as committed, and writes unwritten ones in batches until the term ends. */
    Checkpoints begin() {
        try {
            admin.createOrModifyTopics(
                    TopicBuilder.name(checkpointTopic).partitions(1).compact().build());
            atStart = reader.read();
            log.info(
                    "Read checkpoints of {} objects from {}",
                    atStart.values().stream().mapToInt(Map::size).sum(),
                    checkpointTopic);
        } catch (RuntimeException e) {
            atStart = Map.of();
            log.warn(
                    "Could not read the checkpoints from {} ({}); every object will be published as a snapshot",
                    checkpointTopic,
                    e.getMessage());
        }
        outcomes.began();
        flusher = BackgroundThreads.scheduler("checkpoint-writer");
        long interval = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::write, interval, interval, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Sends the batch of unwritten checkpoints; the producer batches them further. Those Kafka refuses are sent again
     * with the next batch.
     */
    void write() {
        // Legacy keys last: their tombstones retire records that the ones before them rewrote. The keys as they are
        // now: a write refused at once is back in `unwritten` before the loop ends, and waits for the next batch.
        List<CheckpointKey> legacy = new ArrayList<>();
        for (CheckpointKey key : List.copyOf(unwritten.keySet())) {
            if (key.scope().isLegacy()) {
                legacy.add(key);
            } else {
                write(key);
            }
        }
        legacy.forEach(this::write);
    }

    private void write(CheckpointKey key) {
        Supplier<byte[]> state = unwritten.remove(key);
        if (state == null) {
            return;
        }
        sending.put(key, state);
        try {
            kafka.send(new ProducerRecord<>(checkpointTopic, CheckpointRecords.key(key), state.get()))
                    .whenComplete((result, error) -> {
                        if (error == null) {
                            sending.remove(key, state);
                            outcomes.written();
                        } else {
                            refused(key, state, error);
                        }
                    });
        } catch (RuntimeException e) {
            // The producer gave up waiting for metadata or buffer space. Thrown on, it would also end the schedule of
            // the writer, which would then write nothing more this term.
            refused(key, state, e);
        }
    }

    /**
     * Kafka did not take {@code state}: written again with the next batch, unless something newer replaced it or the
     * term ended. Rare, and on the producer's I/O thread: atomic with the end of the term, so a refused write can
     * never be put back after the term forgot what it had to write.
     */
    private synchronized void refused(CheckpointKey key, Supplier<byte[]> state, Throwable error) {
        outcomes.failed(key, error);
        if (sending.remove(key, state)) {
            // Not over a newer state acknowledged meanwhile.
            unwritten.putIfAbsent(key, state);
        }
    }

    /**
     * Ends the term: with {@code writeRest}, what is unwritten is written first (a shutdown), once; without, it is
     * dropped, since a replica that no longer leads must not write (the next leader reconciles anyway).
     */
    void end(boolean writeRest) {
        if (flusher != null) {
            stopWriting(writeRest);
            flusher = null;
        }
        if (writeRest) {
            write();
            kafka.flush();
        }
        forgetUnwritten();
        outcomes.ended();
    }

    /**
     * What the term still had to write, or to write again once refused, is not written by the next, which reads the
     * checkpoints as committed.
     */
    private synchronized void forgetUnwritten() {
        sending.clear();
        unwritten.clear();
    }

    /**
     * A batch being written when the term ends is finished first when the rest is to be written too: interrupted, its
     * checkpoints, already taken from {@code unwritten}, would be lost.
     */
    private void stopWriting(boolean finishBatch) {
        if (!finishBatch) {
            flusher.shutdownNow();
            return;
        }
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(flushInterval.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                log.warn("The checkpoint writer did not finish its batch in time; writing the rest anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
