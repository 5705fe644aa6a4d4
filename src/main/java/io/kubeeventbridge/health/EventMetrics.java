package io.kubeeventbridge.health;

import io.kubeeventbridge.event.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event counters, tagged by resource ({@code apps/v1/deployments}) and operation: received from informers,
 * published to Kafka, and failed (with the stage that failed: {@code normalise} or {@code send}).
 */
public final class EventMetrics {

    static final String RECEIVED = "bridge.events.received";
    static final String PUBLISHED = "bridge.events.published";
    static final String FAILED = "bridge.events.failed";
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            RECEIVED, "Changes received from informers",
            PUBLISHED, "Events acknowledged by Kafka",
            FAILED, "Events that could not be normalised or sent (sends are retried)");

    private final MeterRegistry registry;
    // Looked up on every event: cache the counters instead of rebuilding their ids each time.
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

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

    private Counter counter(String name, String resource, Operation operation, String stage) {
        String key = name + '|' + resource + '|' + operation + '|' + stage;
        return counters.computeIfAbsent(key, ignored -> {
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
}
