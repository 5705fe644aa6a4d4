package io.kubeeventbridge.publish;

import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.bench.Samples;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.config.KafkaLayout.ContentMode;
import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.metrics.EventMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publish throughput: the bridge's path from a received object to Kafka's acknowledgement (normalise into a
 * CloudEvent, queue per object, {@link KafkaEventPublisher} sending through a {@link KafkaTemplate}, checkpoints
 * written by {@link CheckpointStore}) against a plain {@link KafkaProducer} sending the same records, already
 * serialised, with the same producer settings. Both in the same JVM, on the same broker, with the same objects.
 */
public final class PublishThroughput {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "deployments", "Deployment", true);
    private static final int PARTITIONS = 4;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

    /** Medians over the measured rounds. */
    public record Result(double bridgeEventsPerSecond, double rawEventsPerSecond, int events, double meanBytes) {}

    private record Change(ResourceType type, GenericKubernetesResource object) {}

    private PublishThroughput() {}

    /**
     * The service's producer settings: {@code spring.kafka.producer} of application.yaml, as Spring Boot builds them
     * for the service, so the benchmark follows any change there; keys and values are bytes, as the service's
     * publisher configures its producer.
     */
    public static Map<String, Object> producerSettings(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>(serviceKafkaProperties().buildProducerProperties());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    private static KafkaProperties serviceKafkaProperties() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                    .load("application.yaml", new FileSystemResource(Path.of("application.yaml")));
            return new Binder(ConfigurationPropertySources.from(yaml))
                    .bind("spring.kafka", KafkaProperties.class)
                    .orElseThrow(() -> new IllegalStateException("application.yaml has no spring.kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the service's application.yaml", e);
        }
    }

    public static Result measure(String bootstrapServers, int events, int rounds) throws InterruptedException {
        List<Change> changes = new ArrayList<>(events);
        Workload workload = new Workload(42);
        long bytes = 0;
        for (int i = 0; i < events; i++) {
            byte[] json = workload.nextJson(i, 100, true);
            bytes += json.length;
            GenericKubernetesResource object = Workload.decode(json);
            changes.add(new Change("Pod".equals(object.getKind()) ? PODS : DEPLOYMENTS, object));
        }
        EventNormaliser normaliser = new EventNormaliser("bench");
        KafkaAdmin admin = new KafkaAdmin(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        admin.createOrModifyTopics(
                TopicBuilder.name("k8s.core.pod").partitions(PARTITIONS).build(),
                TopicBuilder.name("k8s.apps.deployment").partitions(PARTITIONS).build(),
                TopicBuilder.name("raw.k8s.core.pod").partitions(PARTITIONS).build(),
                TopicBuilder.name("raw.k8s.apps.deployment")
                        .partitions(PARTITIONS)
                        .build());

        // The baseline's records: what the bridge would send, serialised before the clock starts.
        RecordFactory records = new RecordFactory(ContentMode.BINARY);
        List<ProducerRecord<byte[], byte[]>> raw = new ArrayList<>(events);
        for (Change change : changes) {
            ProducerRecord<byte[], byte[]> record = records.event(outgoing(normaliser, change));
            raw.add(new ProducerRecord<>(
                    "raw." + record.topic(), null, record.key(), record.value(), record.headers()));
        }

        var producers = new DefaultKafkaProducerFactory<byte[], byte[]>(producerSettings(bootstrapServers));
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(producers);
        var consumers = new DefaultKafkaConsumerFactory<>(
                Map.<String, Object>of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        String checkpointTopic = "kube-event-bridge.bench.checkpoints";
        CheckpointStore checkpoints = new CheckpointStore(
                checkpointTopic,
                admin,
                new CheckpointReader(
                        checkpointTopic,
                        consumers,
                        Duration.ofSeconds(30),
                        new SimpleMeterRegistry().counter("skipped")),
                template,
                Duration.ofMillis(500));
        PendingEvents queue = new PendingEvents(replaced -> {});
        EventMetrics metrics = new EventMetrics(new SimpleMeterRegistry());
        KafkaEventPublisher publisher = new KafkaEventPublisher(
                template,
                null,
                new RecordFactory(ContentMode.BINARY),
                queue,
                checkpoints,
                new PublishSettings(true, Duration.ofSeconds(20), Duration.ofMillis(100)),
                metrics,
                Clock.systemUTC());
        publisher.begin(() -> {});
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings(bootstrapServers))) {
            // Warm-up: JIT, metadata, producer buffers, for both paths.
            rawRound(producer, raw);
            bridgeRound(normaliser, publisher, queue, checkpoints, template, metrics, changes);
            double[] bridge = new double[rounds];
            double[] plain = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                plain[round] = rawRound(producer, raw);
                bridge[round] = bridgeRound(normaliser, publisher, queue, checkpoints, template, metrics, changes);
                System.out.printf(
                        "publish round %d: bridge %.0f events/s, raw producer %.0f events/s%n",
                        round + 1, bridge[round], plain[round]);
            }
            return new Result(
                    new Samples(bridge).median(), new Samples(plain).median(), events, (double) bytes / events);
        } finally {
            publisher.finish();
            producers.destroy();
        }
    }

    /** Events/s of the plain producer: send everything, then wait for every acknowledgement. */
    private static double rawRound(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> raw)
            throws InterruptedException {
        CountDownLatch acknowledged = new CountDownLatch(raw.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (ProducerRecord<byte[], byte[]> record : raw) {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                acknowledged.countDown();
            });
        }
        if (!acknowledged.await(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || failure.get() != null) {
            throw new IllegalStateException("raw producer round failed", failure.get());
        }
        return raw.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Events/s of the bridge: on one thread (as on an informer's), normalise each object and hand it to the
     * publisher, as ChangeHandler does; then wait for every acknowledgement and for the checkpoints to be written.
     */
    private static double bridgeRound(
            EventNormaliser normaliser,
            KafkaEventPublisher publisher,
            PendingEvents queue,
            CheckpointStore checkpoints,
            KafkaTemplate<byte[], byte[]> template,
            EventMetrics metrics,
            List<Change> changes)
            throws InterruptedException {
        long start = System.nanoTime();
        for (Change change : changes) {
            metrics.received(change.type().toString(), Operation.CREATED);
            publisher.publish(outgoing(normaliser, change));
        }
        long handedOver = System.nanoTime();
        if (!queue.awaitEmpty(ROUND_TIMEOUT)) {
            throw new IllegalStateException("bridge round: " + queue.size() + " events not acknowledged");
        }
        long acknowledged = System.nanoTime();
        checkpoints.write();
        template.flush();
        long end = System.nanoTime();
        System.out.printf(
                "bridge round: %.0f ms normalising and queueing, %.0f ms more until acknowledged, %.0f ms more for"
                        + " the checkpoints%n",
                (handedOver - start) / 1e6, (acknowledged - handedOver) / 1e6, (end - acknowledged) / 1e6);
        return changes.size() / ((end - start) / 1e9);
    }

    private static OutgoingEvent outgoing(EventNormaliser normaliser, Change change) {
        CloudEvent event =
                normaliser.normalise(change.type(), Operation.CREATED, change.object(), OffsetDateTime.now());
        String topic = "k8s." + change.type().groupName() + "." + change.type().lowerCaseKind();
        return new OutgoingEvent(
                topic,
                (String) event.getExtension(EventExtensions.PARTITION_KEY),
                event,
                change.type(),
                Operation.CREATED);
    }
}
