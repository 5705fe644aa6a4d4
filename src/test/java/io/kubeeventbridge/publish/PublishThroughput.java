package io.kubeeventbridge.publish;

import io.kubeeventbridge.bench.Rounds;
import io.kubeeventbridge.bench.Rounds.Contender;
import io.kubeeventbridge.config.KafkaSettings.ContentMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

/**
 * Publish throughput: the bridge's path from a received object to Kafka's acknowledgement ({@link BridgePath}, without
 * transactions) against a plain {@link KafkaProducer} sending the same records, already serialised, with the same
 * producer settings. Both in the same JVM, on the same broker, with the same objects.
 */
public final class PublishThroughput {

    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

    /** Medians over the measured rounds. */
    public record Result(double bridgeEventsPerSecond, double rawEventsPerSecond, int events, double meanBytes) {}

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
        PublishWorkload workload = new PublishWorkload(events);
        PublishWorkload.createTopics(bootstrapServers, "");
        PublishWorkload.createTopics(bootstrapServers, "raw.");
        // The baseline's records: what the bridge would send, serialised before the clock starts.
        RecordFactory records = new RecordFactory(ContentMode.BINARY);
        List<ProducerRecord<byte[], byte[]>> raw = new ArrayList<>(events);
        for (PublishWorkload.Change change : workload.changes()) {
            ProducerRecord<byte[], byte[]> record = records.event(workload.outgoing(change));
            raw.add(new ProducerRecord<>(
                    "raw." + record.topic(), null, record.key(), record.value(), record.headers()));
        }
        try (BridgePath bridge = BridgePath.plain(bootstrapServers);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings(bootstrapServers))) {
            Rounds.Medians medians = Rounds.alternate(
                    "publish",
                    "events/s",
                    rounds,
                    new Contender("bridge", () -> bridge.round(workload)),
                    new Contender("raw producer", () -> rawRound(producer, raw)));
            return new Result(medians.value(), medians.baseline(), events, workload.meanBytes());
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
}
