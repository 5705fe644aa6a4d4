package io.kubeeventbridge.metrics;

import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The event meters, tagged by resource ({@code apps/v1/deployments}) and operation: received from informers,
 * published to Kafka, failed (with the stage that failed: {@code normalise}, {@code publish} or {@code send}),
 * coalesced in the per-object queue, filtered by the entry's change predicates, and the latency from the informer's observation to Kafka's acknowledgement.
 */
public final class EventMetrics {

    static final String RECEIVED = "bridge.events.received";
    static final String PUBLISHED = "bridge.events.published";
    static final String FAILED = "bridge.events.failed";
    static final String COALESCED = "bridge.events.coalesced";
    static final String FILTERED = "bridge.events.filtered";
    static final String LATENCY = "bridge.events.latency";
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            RECEIVED, "Changes received from informers",
            PUBLISHED, "Events acknowledged by Kafka",
            FAILED, "Events that could not be normalised, or sends that failed (failed sends are retried)",
            COALESCED, "Unsent events replaced by a newer state of the same object",
            FILTERED, "Changes not published: operations left out, or updates in which nothing that counts changed");
    private static final int OPERATIONS = Operation.values().length;

    private final MeterRegistry registry;
    // Several meters are counted on every event: found by resource type alone, without building their tags each time.
    private final Map<ResourceType, ResourceMeters> meters = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(ResourceType type, Operation operation) {
        meters(type).counter(PerOperation.RECEIVED, operation).increment();
    }

    public void published(ResourceType type, Operation operation) {
        meters(type).counter(PerOperation.PUBLISHED, operation).increment();
    }

    public void failed(ResourceType type, Operation operation, String stage) {
        meters(type).failed(operation, stage).increment();
    }

    public void coalesced(ResourceType type, Operation operation) {
        meters(type).counter(PerOperation.COALESCED, operation).increment();
    }

    /** A change the entry's predicates keep from being published ({@code operations}, {@code ignore-changes}). */
    public void filtered(ResourceType type, Operation operation) {
        meters(type).counter(PerOperation.FILTERED, operation).increment();
    }

    /** Time from the informer's observation of a change to Kafka's acknowledgement of its event. */
    public void acknowledgedAfter(ResourceType type, Duration latency) {
        meters(type).latency().record(latency);
    }

    private ResourceMeters meters(ResourceType type) {
        return meters.computeIfAbsent(type, ResourceMeters::new);
    }

    /**
     * One resource type's meters, each registered when first counted (so that only what happened is exported); two
     * threads registering the same meter at once get the same one from the registry.
     */
    private final class ResourceMeters {

        private final String resource;
        private final AtomicReferenceArray<Counter> counters =
                new AtomicReferenceArray<>(PerOperation.values().length * OPERATIONS);
        private final Map<FailureKey, Counter> failures = new ConcurrentHashMap<>();
        private volatile Timer latency;

        ResourceMeters(ResourceType type) {
            this.resource = type.toString();
        }

        Counter counter(PerOperation metric, Operation operation) {
            int slot = metric.ordinal() * OPERATIONS + operation.ordinal();
            Counter counter = counters.get(slot);
            if (counter == null) {
                counter = register(metric.meterName, operation, null);
                counters.set(slot, counter);
            }
            return counter;
        }

        Counter failed(Operation operation, String stage) {
            return failures.computeIfAbsent(
                    new FailureKey(operation, stage), key -> register(FAILED, operation, stage));
        }

        Timer latency() {
            Timer timer = latency;
            if (timer == null) {
                timer = Timer.builder(LATENCY)
                        .description("From the informer observing a change to Kafka acknowledging its event")
                        .tag("resource", resource)
                        .publishPercentileHistogram()
                        .register(registry);
                latency = timer;
            }
            return timer;
        }

        private Counter register(String name, Operation operation, String stage) {
            Counter.Builder builder = Counter.builder(name)
                    .description(DESCRIPTIONS.get(name))
                    .tag("resource", resource)
                    .tag("operation", operation.typeSegment());
            if (stage != null) {
                builder.tag("stage", stage);
            }
            return builder.register(registry);
        }
    }

    /** The counters tagged by operation alone. */
    private enum PerOperation {
        RECEIVED(EventMetrics.RECEIVED),
        PUBLISHED(EventMetrics.PUBLISHED),
        COALESCED(EventMetrics.COALESCED),
        FILTERED(EventMetrics.FILTERED);

        private final String meterName;

        PerOperation(String meterName) {
            this.meterName = meterName;
        }
    }

    private record FailureKey(Operation operation, String stage) {}
}
