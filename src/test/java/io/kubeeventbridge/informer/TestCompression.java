package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.event.ResourceType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** Cache compression for tests: off, on the caller's thread, or as the application wires it. */
final class TestCompression {

    private TestCompression() {}

    /** Objects stay uncompressed. */
    static TypeCompression off(ResourceType type) {
        return new TypeCompression(type, Runnable::run, new DeferralBudget(0), false);
    }

    /**
     * Objects compressed on the thread that compacts them, once enough are cached to train a dictionary, first list
     * or not: nothing deferred.
     */
    static TypeCompression inline(ResourceType type) {
        return inline(type, new DeferralBudget(0));
    }

    /** The same, deferring during the first list within {@code budget}. */
    static TypeCompression inline(ResourceType type, DeferralBudget budget) {
        return new TypeCompression(
                type, Runnable::run, budget, ZstdLibrary.load().available());
    }

    /** An informer factory as the application builds it, with a window of 100 changes per type. */
    static InformerFactory informers(KubernetesClient client) {
        return informers(client, new SimpleMeterRegistry());
    }

    /** The same, with its cache gauges in {@code meters}. */
    static InformerFactory informers(KubernetesClient client, MeterRegistry meters) {
        CacheCompressor compressor = new CacheCompressor(ZstdLibrary.load());
        return new InformerFactory(
                client,
                Duration.ZERO,
                500,
                new ChangeFeeds(new WatchWindow(100, Duration.ofMinutes(5))),
                compressor,
                new CacheGauges(meters, compressor));
    }
}
