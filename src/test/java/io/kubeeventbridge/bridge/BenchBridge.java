package io.kubeeventbridge.bridge;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.BenchInformer;
import io.kubeeventbridge.informer.ChangeListener;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.predicate.ChangePredicate;
import io.kubeeventbridge.publish.BridgePath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bridge without Spring, for benchmarks: its informer over one resource in all namespaces, a {@link
 * ChangeHandler} publishing every change, and the publish path of {@link BridgePath}; a term begun without
 * checkpoints, so every object listed first is published as a snapshot.
 */
public final class BenchBridge implements AutoCloseable {

    private final AtomicInteger snapshots = new AtomicInteger();
    private final BenchInformer informer;
    private final BridgePath path;

    private BenchBridge(KubernetesClient client, ResourceType type, String topic, BridgePath path, int listPageSize) {
        this.path = path;
        ChangeHandler handler = new ChangeHandler(
                type,
                topic,
                List::of,
                ChangePredicate.EVERYTHING,
                new EventNormaliser("bench"),
                path.publisher(),
                new EventMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
        handler.startTerm(Map.of());
        ChangeListener counting = new ChangeListener() {
            @Override
            public void onChange(Operation operation, GenericKubernetesResource object, byte[] json) {
                handler.onChange(operation, object, json);
                if (operation == Operation.SNAPSHOT) {
                    snapshots.incrementAndGet();
                }
            }

            @Override
            public void onFirstList(String namespace) {
                handler.onFirstList(namespace);
            }
        };
        informer = BenchInformer.start(client, type, counting, listPageSize);
    }

    /** Starts listing; returns at once. */
    public static BenchBridge start(
            KubernetesClient client, ResourceType type, String topic, BridgePath path, int listPageSize) {
        return new BenchBridge(client, type, topic, path, listPageSize);
    }

    /** Waits until {@code count} snapshots were handed to the publisher, Kafka acknowledged them all, and their checkpoints are written. */
    public void awaitSnapshotsPublished(int count, Duration timeout) throws InterruptedException {
        await().atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .until(() -> snapshots.get() >= count);
        path.drain();
    }

    @Override
    public void close() {
        informer.close();
    }
}
