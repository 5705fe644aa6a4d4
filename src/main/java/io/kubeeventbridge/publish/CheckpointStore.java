package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.lifecycle.BackgroundThreads;
import io.kubeeventbridge.lifecycle.LifecyclePhases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The compacted checkpoint topic: one record per object, keyed {@code resource|objectKey}, holding the
 * {@code uid/resourceVersion} of its last event Kafka acknowledged (a tombstone once it is deleted). Read once at
 * startup, before any informer lists ({@link LifecyclePhases}), so a restart publishes only what changed; written in batches, since one
 * record per event would halve throughput.
 */
final class CheckpointStore implements Checkpoints, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String topic;
    private final KafkaAdmin admin;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Duration loadTimeout;
    private final Duration flushInterval;
    private final Map<String, Map<String, Checkpoint>> atStart = new HashMap<>();
    // Newest acknowledged state per checkpoint key not written yet; empty means deleted.
    private final Map<String, Optional<Checkpoint>> unwritten = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;
    private volatile boolean running;

    CheckpointStore(
            String topic,
            KafkaAdmin admin,
            ConsumerFactory<?, ?> consumers,
            KafkaTemplate<byte[], byte[]> kafka,
            Duration loadTimeout,
            Duration flushInterval) {
        this.topic = topic;
        this.admin = admin;
        this.consumers = consumers;
        this.kafka = kafka;
        this.loadTimeout = loadTimeout;
        this.flushInterval = flushInterval;
    }

    @Override
    public Map<String, Checkpoint> atStart(String resource) {
        return atStart.getOrDefault(resource, Map.of());
    }

    /** Records that Kafka acknowledged {@code event}; written with the next batch. */
    void acknowledged(OutgoingEvent event) {
        String key = event.resource() + "|" + event.key();
        if (event.operation() == Operation.DELETED) {
            unwritten.put(key, Optional.empty());
            return;
        }
        Object uid = event.event().getExtension(EventExtensions.UID);
        Object resourceVersion = event.event().getExtension(EventExtensions.RESOURCE_VERSION);
        if (uid != null && resourceVersion != null) {
            unwritten.put(key, Optional.of(new Checkpoint(uid.toString(), resourceVersion.toString())));
        }
    }

    /** Checkpoints acknowledged but not written yet. */
    int unwrittenCount() {
        return unwritten.size();
    }

    @Override
    public void start() {
        atStart.clear();
        try {
            admin.createOrModifyTopics(
                    TopicBuilder.name(topic).partitions(1).compact().build());
            load();
            log.info(
                    "Read checkpoints of {} objects from {}",
                    atStart.values().stream().mapToInt(Map::size).sum(),
                    topic);
        } catch (RuntimeException e) {
            atStart.clear();
            log.warn(
                    "Could not read the checkpoints from {} ({}); every object will be published as a snapshot",
                    topic,
                    e.getMessage());
        }
        flusher = BackgroundThreads.scheduler("checkpoint-writer");
        long interval = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::write, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void load() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Consumer<?, ?> consumer = consumers.createConsumer(null, "checkpoint-reader", null, overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, loadTimeout).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, loadTimeout);
            Instant deadline = Instant.now().plus(loadTimeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not read to the end within " + loadTimeout);
                }
                consumer.poll(POLL).forEach(record -> apply((ConsumerRecord<?, ?>) record));
            }
        }
    }

    private void apply(ConsumerRecord<?, ?> record) {
        String key = (String) record.key();
        int separator = key.indexOf('|');
        Map<String, Checkpoint> ofResource =
                atStart.computeIfAbsent(key.substring(0, separator), ignored -> new HashMap<>());
        String objectKey = key.substring(separator + 1);
        if (record.value() == null) {
            ofResource.remove(objectKey);
        } else {
            ofResource.put(objectKey, Checkpoint.decode(new String((byte[]) record.value(), StandardCharsets.UTF_8)));
        }
    }

    /** Sends the batch of unwritten checkpoints; the producer batches them further. */
    void write() {
        for (String key : List.copyOf(unwritten.keySet())) {
            Optional<Checkpoint> checkpoint = unwritten.remove(key);
            if (checkpoint == null) {
                continue;
            }
            byte[] value = checkpoint
                    .map(state -> state.encode().getBytes(StandardCharsets.UTF_8))
                    .orElse(null);
            kafka.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                    .whenComplete((result, error) -> {
                        if (error != null) {
                            // Only costs a repeated event after a restart; the next change of the object writes it
                            // again.
                            log.debug("Could not write the checkpoint of {}: {}", key, error.getMessage());
                        }
                    });
        }
    }

    @Override
    public void stop() {
        running = false;
        if (flusher != null) {
            flusher.shutdown();
        }
        write();
        kafka.flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.CHECKPOINTS;
    }
}
