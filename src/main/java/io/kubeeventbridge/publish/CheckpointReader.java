package io.kubeeventbridge.publish;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads the checkpoint topic from its beginning to the end it had when reading started. A record that is no
 * checkpoint of any format the bridge knows (written by hand, by a newer version, damaged) is skipped and counted, and
 * logged once per read with its position: it costs the objects it stood for, never the others.
 */
final class CheckpointReader {

    private static final Logger log = LoggerFactory.getLogger(CheckpointReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 10_000;

    private final String topic;
    private final ConsumerFactory<?, ?> consumers;
    private final Duration timeout;
    private final Counter skipped;

    /** @param skipped counts the records that could not be read */
    CheckpointReader(String topic, ConsumerFactory<?, ?> consumers, Duration timeout, Counter skipped) {
        this.topic = topic;
        this.consumers = consumers;
        this.timeout = timeout;
        this.skipped = skipped;
    }

    /**
     * The newest checkpoint of every object, by scope and object key.
     *
     * @throws IllegalStateException when the topic cannot be read to its end within the timeout
     */
    Map<CheckpointScope, Map<String, Checkpoint>> read() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Records of under 100 bytes: Kafka's 500 a poll would take hundreds of polls for a large cluster.
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        // Checkpoints committed with their events only: a fenced leader's open transaction never counts.
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<CheckpointScope, Map<String, Checkpoint>> checkpoints = new HashMap<>();
        Unreadable unreadable = new Unreadable();
        try (Consumer<?, ?> consumer = consumers.createConsumer(null, "checkpoint-reader", null, overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not read to the end within " + timeout);
                }
                for (ConsumerRecord<?, ?> record : consumer.poll(POLL)) {
                    apply(record, checkpoints, unreadable);
                }
            }
        }
        unreadable.log(topic);
        return checkpoints;
    }

    private void apply(
            ConsumerRecord<?, ?> record,
            Map<CheckpointScope, Map<String, Checkpoint>> checkpoints,
            Unreadable unreadable) {
        CheckpointKey key;
        Checkpoint checkpoint;
        try {
            key = CheckpointRecords.readKey((byte[]) record.key());
            checkpoint = record.value() == null ? null : CheckpointRecords.readValue((byte[]) record.value());
        } catch (IllegalArgumentException e) {
            skipped.increment();
            unreadable.add(record, e.getMessage());
            return;
        }
        Map<String, Checkpoint> ofScope = checkpoints.computeIfAbsent(key.scope(), ignored -> new HashMap<>());
        if (checkpoint == null) {
            ofScope.remove(key.object());
        } else {
            ofScope.put(key.object(), checkpoint);
        }
    }

    /** The records skipped in one read: how many, and where the first was, for one warning instead of a flood. */
    private static final class Unreadable {

        private int count;
        private String first;

        void add(ConsumerRecord<?, ?> record, String problem) {
            if (count++ == 0) {
                first = "partition " + record.partition() + ", offset " + record.offset() + ": " + problem;
            }
        }

        void log(String topic) {
            if (count > 0) {
                log.warn(
                        "Skipped {} records of {} that are no checkpoints this version can read (the first at {});"
                                + " reconciling with the other checkpoints",
                        count,
                        topic,
                        first);
            }
        }
    }
}
