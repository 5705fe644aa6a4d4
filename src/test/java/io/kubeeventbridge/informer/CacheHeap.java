package io.kubeeventbridge.informer;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;

/**
 * Retained heap per cached object: pods decoded by fabric8's deserialiser (as an informer decodes a list) and put
 * into the store a bridge informer uses (fabric8's {@link CacheImpl} with the namespace index, over a
 * {@link CompactItemStore}), and into its resource's change feed, once the {@link CacheCompressor} has compressed them
 * all, against the same objects' compact JSON size.
 *
 * <p>Method: used heap after {@code System.gc()} (a full collection with G1), read from the {@code MemoryMXBean},
 * before the cache is filled and after, with the cache still reachable; the difference divided by the count. The
 * JSON each object is decoded from is garbage by then.
 */
public final class CacheHeap {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    public record Result(double heapBytesPerObject, double jsonBytesPerObject, int objects) {

        /** The heap the whole cache retains, in MiB. */
        public double heapMebibytes() {
            return heapBytesPerObject * objects / (1024 * 1024);
        }
    }

    private CacheHeap() {}

    public static Result measure(int objects) throws InterruptedException {
        try (CacheCompressor compressor = new CacheCompressor(ZstdLibrary.load())) {
            if (!compressor.available()) {
                throw new IllegalStateException("zstd's native library does not load: the cache would not compress");
            }
            return measure(objects, compressor);
        }
    }

    private static Result measure(int objects, CacheCompressor compressor) throws InterruptedException {
        Workload workload = new Workload(7);
        long before = usedHeapAfterFullGc();
        CacheImpl<GenericKubernetesResource> cache = new CacheImpl<>();
        TypeCompression compression = compressor.forType(PODS);
        CompactItemStore store = new CompactItemStore(ObjectFilter.NONE, PODS, compression);
        ResourceChangeFeed feed =
                new ResourceChangeFeed(new WatchWindow(10_000, Duration.ofMinutes(5)), Runnable::run, System::nanoTime);
        cache.setItemStore(store);
        long jsonBytes = 0;
        for (int i = 0; i < objects; i++) {
            byte[] json = workload.nextJson(i, 100, false);
            jsonBytes += json.length;
            GenericKubernetesResource object = Workload.decode(json);
            cache.put(object);
            // As the informer's handler does when it hands the change over, then records it for watchers.
            store.compact(object);
            feed.record(Operation.SNAPSHOT, store.cached(Cache.metaNamespaceKeyFunc(object)));
        }
        // As the bridge settles after its first list (its informer says it listed): every object compressed on the
        // compressor's thread.
        compression.listed();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> store.all().stream().allMatch(CachedObject::isCompressed));
        long after = usedHeapAfterFullGc();
        if (cache.list().size() != objects) {
            throw new IllegalStateException("cached " + cache.list().size() + " of " + objects);
        }
        Reference.reachabilityFence(cache);
        Reference.reachabilityFence(feed);
        return new Result((double) (after - before) / objects, (double) jsonBytes / objects, objects);
    }

    private static long usedHeapAfterFullGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
