package io.kubeeventbridge.publish;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.KafkaSettings;
import io.kubeeventbridge.metrics.EventMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    // Bounded so an unreachable Kafka cannot hold startup: without checkpoints every object is a snapshot.
    private static final Duration CHECKPOINT_LOAD_TIMEOUT = Duration.ofSeconds(30);
    // Checkpoints are written in batches: one record per event would halve throughput.
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

    /**
     * The publisher serialises record keys and values itself (CloudEvents, checkpoints): the producer takes bytes,
     * whatever {@code spring.kafka.producer.key-serializer} and {@code value-serializer} say.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer bytesInBytesOut() {
        return PublishConfiguration::serialiseBytes;
    }

    @SuppressWarnings("unchecked")
    private static void serialiseBytes(DefaultKafkaProducerFactory<?, ?> factory) {
        DefaultKafkaProducerFactory<byte[], byte[]> bytes = (DefaultKafkaProducerFactory<byte[], byte[]>) factory;
        bytes.setKeySerializer(new ByteArraySerializer());
        bytes.setValueSerializer(new ByteArraySerializer());
    }

    @Bean
    TopicNames topicNames(BridgeProperties properties) {
        return new TopicNames(properties.kafka(), properties.clusterName());
    }

    @Bean
    PendingEvents pendingEvents(EventMetrics metrics, MeterRegistry registry) {
        PendingEvents queue = new PendingEvents(replaced -> metrics.coalesced(replaced.type(), replaced.operation()));
        Gauge.builder("bridge.queue.depth", queue, PendingEvents::size)
                .description("Events waiting for Kafka or in flight")
                .register(registry);
        return queue;
    }

    /** What becomes of checkpoint writes, for the {@code kafkaPublisher} health contributor too. */
    @Bean
    CheckpointWriteOutcomes checkpointWrites(TopicNames topics, MeterRegistry registry) {
        return new CheckpointWriteOutcomes(topics.checkpointTopic(), registry, Clock.systemUTC());
    }

    @Bean
    CheckpointStore checkpointStore(
            TopicNames topics,
            KafkaAdmin admin,
            ConsumerFactory<?, ?> consumers,
            KafkaTemplate<byte[], byte[]> kafka,
            CheckpointWriteOutcomes writes,
            MeterRegistry registry) {
        Counter skipped = Counter.builder("bridge.checkpoint.records.skipped")
                .description("Records of the checkpoint topic that could not be read, skipped at startup")
                .register(registry);
        CheckpointReader reader =
                new CheckpointReader(topics.checkpointTopic(), consumers, CHECKPOINT_LOAD_TIMEOUT, skipped);
        CheckpointStore checkpoints =
                new CheckpointStore(topics.checkpointTopic(), admin, reader, kafka, CHECKPOINT_INTERVAL, writes);
        Gauge.builder("bridge.checkpoints.unwritten", checkpoints, CheckpointStore::unwrittenCount)
                .description("Acknowledged events whose checkpoint is not written yet")
                .register(registry);
        return checkpoints;
    }

    /** Fails startup on producer settings Kafka refuses, instead of failing every send. */
    @Bean
    KafkaEventPublisher eventPublisher(
            KafkaTemplate<byte[], byte[]> kafka,
            PendingEvents queue,
            CheckpointStore checkpoints,
            BridgeProperties properties,
            EventMetrics metrics,
            Environment environment) {
        Map<String, Object> producer = kafka.getProducerFactory().getConfigurationProperties();
        ProducerSettings.requireValid(producer, environment);
        KafkaSettings kafkaSettings = properties.kafka();
        RecordFactory records = new RecordFactory(kafkaSettings.contentMode());
        Supplier<TransactionalSender> transactions =
                kafkaSettings.transactional(properties.leaderElection().enabled())
                        ? transactionalSenders(
                                producer, transactionalId(properties), records, checkpoints, kafkaSettings.tombstones())
                        : null;
        return new KafkaEventPublisher(
                kafka,
                transactions,
                records,
                queue,
                checkpoints,
                new PublishSettings(
                        kafkaSettings.tombstones(), kafkaSettings.drainTimeout(), kafkaSettings.transactionInterval()),
                metrics,
                Clock.systemUTC());
    }

    /** How sending goes, for the {@code kafkaPublisher} health contributor. */
    @Bean
    PublisherState publisherState(KafkaEventPublisher publisher) {
        return publisher.state();
    }

    /**
     * A new transactional sender on each call: a producer with the Spring producer settings, {@code transactionalId}
     * and idempotence (which transactions require).
     */
    static Supplier<TransactionalSender> transactionalSenders(
            Map<String, Object> producer,
            String transactionalId,
            RecordFactory records,
            CheckpointStore checkpoints,
            boolean tombstones) {
        Map<String, Object> transactional = new HashMap<>(producer);
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        transactional.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return () -> new TransactionalSender(
                new KafkaProducer<>(transactional, new ByteArraySerializer(), new ByteArraySerializer()),
                records,
                checkpoints,
                tombstones);
    }

    /**
     * One id for every replica of a bridge, so that each new leader's producer fences the one before; bridges of other
     * clusters or leases never fence each other.
     */
    static String transactionalId(BridgeProperties properties) {
        return "kube-event-bridge." + properties.clusterName() + "."
                + properties.leaderElection().leaseNameFor(properties.clusterName());
    }
}
