package io.kubeeventbridge.informer;

import io.kubeeventbridge.event.ResourceType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that compresses cached objects, for every resource type ({@link TypeCompression}): off the informer
 * and handler threads, so that compression delays neither a sync nor an event. Objects wait for it uncompressed, and
 * during a type's first list they wait within a {@link DeferralBudget}: a sixteenth of the heap, unless given.
 * Without zstd's native library it compresses nothing, and says so once.
 */
final class CacheCompressor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CacheCompressor.class);

    // The heap's headroom for JSON waiting uncompressed during first lists: at most a sixteenth of it. On the
    // benchmark's 8 GB heap that holds 100,000 pods; on the chart's default heap, about 7,000.
    private static final int HEAP_FRACTION_DEFERRED = 16;

    private final ZstdLibrary zstd;
    private final DeferralBudget budget;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread compressor = new Thread(task, "bridge-cache-compressor");
        compressor.setDaemon(true);
        return compressor;
    });

    CacheCompressor(ZstdLibrary zstd) {
        this(zstd, Runtime.getRuntime().maxMemory() / HEAP_FRACTION_DEFERRED);
    }

    /** @param deferrableBytes how much JSON may wait uncompressed while first lists run */
    CacheCompressor(ZstdLibrary zstd, long deferrableBytes) {
        this.zstd = zstd;
        this.budget = new DeferralBudget(deferrableBytes);
        if (!zstd.available()) {
            log.warn(
                    "The informer cache keeps objects uncompressed, about four times the memory: zstd's native"
                            + " library does not load here ({})",
                    zstd.problem());
        }
    }

    /** How objects of {@code type} are compressed, on this compressor's thread. */
    TypeCompression forType(ResourceType type) {
        return new TypeCompression(type, thread, budget, zstd.available());
    }

    /**
     * Completes once this compressor has done everything handed to it so far, as deferred compression after a first
     * list: a benchmark's next round must not share the cores with it.
     */
    CompletableFuture<Void> idle() {
        return CompletableFuture.runAsync(() -> {}, thread);
    }

    /** Whether cached objects are compressed at all. */
    boolean available() {
        return zstd.available();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
