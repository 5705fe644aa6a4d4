package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.ResourceType;
import java.time.Duration;

/**
 * The bridge's informer over one resource in all namespaces, as {@link InformerFactory} builds it (compacting and compressing
 * item store, change classification), for benchmarks outside this package; nothing filtered, no resyncs.
 */
public final class BenchInformer implements AutoCloseable {

    private final ResourceInformer informer;
    private final CacheCompressor compressor;

    private BenchInformer(ResourceInformer informer, CacheCompressor compressor) {
        this.informer = informer;
        this.compressor = compressor;
    }

    /** Starts it; returns at once, the first list completes in the background. */
    public static BenchInformer start(
            KubernetesClient client, ResourceType type, ChangeListener listener, int listPageSize) {
        CacheCompressor compressor = new CacheCompressor(ZstdLibrary.load());
        ResourceInformer informer = new ResourceInformer(
                client,
                new InformerTarget(type, null, null, null),
                listener,
                ObjectFilter.NONE,
                compressor.forType(type),
                Duration.ZERO,
                listPageSize);
        informer.start();
        return new BenchInformer(informer, compressor);
    }

    public int size() {
        return informer.store().size();
    }

    @Override
    public void close() {
        informer.stop();
        compressor.close();
    }
}
