package io.kubeeventbridge.informer;

import io.kubeeventbridge.event.ResourceType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gauges of the informer cache's memory: per watched type, the bytes its objects take and how compressed they
 * are; and whether the cache compresses at all. A type's gauges come and go with its informers.
 */
final class CacheGauges {

    static final String STORED_BYTES = "bridge.cache.stored.bytes";
    static final String COMPRESSION_RATIO = "bridge.cache.compression.ratio";
    static final String COMPRESSION_AVAILABLE = "bridge.cache.compression.available";

    private final MeterRegistry registry;
    private final Map<ResourceType, List<Meter>> meters = new ConcurrentHashMap<>();

    CacheGauges(MeterRegistry registry, CacheCompressor compressor) {
        this.registry = registry;
        Gauge.builder(COMPRESSION_AVAILABLE, compressor, available -> available.available() ? 1 : 0)
                .description("1 when the informer cache compresses objects, 0 when zstd's native library did not load")
                .register(registry);
    }

    /** Sums over every cached object at each scrape: some tens of milliseconds per 100,000 objects. */
    void add(InformerResourceCache cache) {
        String resource = cache.type().toString();
        meters.put(
                cache.type(),
                List.of(
                        Gauge.builder(STORED_BYTES, cache, of -> of.footprint().storedBytes())
                                .description("Bytes the cached objects' JSON takes in the cache, compressed or not")
                                .baseUnit("bytes")
                                .tag("resource", resource)
                                .register(registry),
                        Gauge.builder(COMPRESSION_RATIO, cache, CacheGauges::ratio)
                                .description("Stored bytes divided by the cached objects' compact JSON bytes")
                                .tag("resource", resource)
                                .register(registry)));
    }

    void remove(ResourceType type) {
        List<Meter> removed = meters.remove(type);
        if (removed != null) {
            removed.forEach(registry::remove);
        }
    }

    private static double ratio(InformerResourceCache cache) {
        InformerResourceCache.Footprint footprint = cache.footprint();
        return footprint.jsonBytes() == 0 ? 1.0 : (double) footprint.storedBytes() / footprint.jsonBytes();
    }
}
