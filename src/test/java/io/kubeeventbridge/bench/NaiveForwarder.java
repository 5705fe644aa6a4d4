package io.kubeeventbridge.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forwarder a user would write instead of the bridge: an event handler that serialises each object with Jackson
 * and sends it, keyed {@code namespace/name}, with a plain {@link KafkaProducer}. No CloudEvents, no queue, no
 * checkpoints. ({@link RawForwarder}'s
 * handler sends the same way.)
 */
public final class NaiveForwarder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long ROUND_TIMEOUT_SECONDS = 60;

    private final KafkaProducer<byte[], byte[]> producer;

    public NaiveForwarder(KafkaProducer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** One object and the topic the handler sends it to. */
    public record Forwarded(String topic, GenericKubernetesResource object) {}

    /**
     * Events/s: on one thread (as on an informer's), forward every object, then wait for every acknowledgement.
     */
    public double round(List<Forwarded> objects) throws InterruptedException {
        CountDownLatch acknowledged = new CountDownLatch(objects.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        ThreadCpu threads = ThreadCpu.start();
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        for (Forwarded forwarded : objects) {
            send(producer, forwarded.topic(), forwarded.object(), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                acknowledged.countDown();
            });
        }
        if (!acknowledged.await(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || failure.get() != null) {
            throw new IllegalStateException("forwarder round failed", failure.get());
        }
        long end = System.nanoTime();
        System.out.printf(
                "forwarder round: %.1f µs of CPU per event in the JVM (broker included)%n",
                (ProcessCpu.nanos() - cpuStart) / 1e3 / objects.size());
        threads.print("forwarder", objects.size());
        return objects.size() / ((end - start) / 1e9);
    }

    /** Serialises {@code object} and sends it to {@code topic}, keyed {@code namespace/name}, as a handler would. */
    static void send(
            KafkaProducer<byte[], byte[]> producer, String topic, GenericKubernetesResource object, Callback done) {
        producer.send(
                new ProducerRecord<>(
                        topic,
                        Cache.metaNamespaceKeyFunc(object).getBytes(StandardCharsets.UTF_8),
                        JSON.writeValueAsBytes(object)),
                done);
    }
}
