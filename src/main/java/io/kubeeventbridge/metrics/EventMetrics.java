package io.kubeeventbridge.metrics;

import io.kubeeventbridge.event.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private final MeterRegistry registry;
    // Looked up on every event: cache the counters instead of rebuilding their ids each time.
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String resource, Operation operation) {
        counter(RECEIVED, resource, operation, null).increment();
    }

    public void published(String resource, Operation operation) {
        counter(PUBLISHED, resource, operation, null).increment();
    }

    public void failed(String resource, Operation operation, String stage) {
        counter(FAILED, resource, operation, stage).increment();
    }

    public void coalesced(String resource, Operation operation) {
        counter(COALESCED, resource, operation, null).increment();
    }

    /** A change the entry's predicates keep from being published ({@code operations}, {@code ignore-changes}). */
    public void filtered(String resource, Operation operation) {
        counter(FILTERED, resource, operation, null).increment();
    }

    /** Time from the informer's observation of a change to Kafka's acknowledgement of its event. */
    public void acknowledgedAfter(String resource, Duration latency) {
        timers.computeIfAbsent(
                        resource,
                        ignored -> Timer.builder(LATENCY)
                                .description("From the informer observing a change to Kafka acknowledging its event")
                                .tag("resource", resource)
                                .publishPercentileHistogram()
                                .register(registry))
                .record(latency);
    }

    private Counter counter(String name, String resource, Operation operation, String stage) {
        return counters.computeIfAbsent(new CounterKey(name, resource, operation, stage), ignored -> {
            Counter.Builder builder = Counter.builder(name)
                    .description(DESCRIPTIONS.get(name))
                    .tag("resource", resource)
                    .tag("operation", operation.typeSegment());
            if (stage != null) {
                builder.tag("stage", stage);
            }
            return builder.register(registry);
        });
    }

    /** A counter's name and tags; {@code stage} is {@code null} where the counter has none. */
    private record CounterKey(String name, String resource, Operation operation, String stage) {}
}
