package io.kubeeventbridge.informer;

import io.kubeeventbridge.event.ResourceType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that compresses cached objects, for every resource type ({@link TypeCompression}): off the informer
 * and handler threads, so that compression delays neither a sync nor an event. Objects wait for it uncompressed.
 * Without zstd's native library it compresses nothing, and says so once.
 */
final class CacheCompressor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CacheCompressor.class);

    private final ZstdLibrary zstd;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread compressor = new Thread(task, "bridge-cache-compressor");
        compressor.setDaemon(true);
        return compressor;
    });

    CacheCompressor(ZstdLibrary zstd) {
        this.zstd = zstd;
        if (!zstd.available()) {
            log.warn(
                    "The informer cache keeps objects uncompressed, about four times the memory: zstd's native"
                            + " library does not load here ({})",
                    zstd.problem());
        }
    }

    /** How objects of {@code type} are compressed, on this compressor's thread. */
    TypeCompression forType(ResourceType type) {
        return new TypeCompression(type, thread, zstd.available());
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
