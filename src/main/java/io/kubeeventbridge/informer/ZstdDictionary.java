package io.kubeeventbridge.informer;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A zstd dictionary trained on the cached objects of one resource type, and the contexts that use it. Each object
 * compressed with it refers to it, so it lives as long as they do; its native memory is freed by zstd-jni once it is
 * garbage.
 *
 * <p>Compression runs on one thread at a time (the {@link CacheCompressor}'s), with one context. Decompression runs on
 * any thread (queries, watches, predicates), each borrowing a context from a small pool: creating a context per call
 * costs ten times the decompression itself.
 */
final class ZstdDictionary {

    // Measured on the benchmark's pods: 16-112 KB dictionaries and levels 1-6 all give 0.24-0.25 of the JSON; level 1
    // compresses fastest. 32 KB leaves room for kinds more varied than pods.
    static final int SIZE = 32 * 1024;
    private static final int LEVEL = 1;
    private static final int POOLED_CONTEXTS = 2 * Runtime.getRuntime().availableProcessors();

    private final ZstdCompressCtx compressor;
    private final ZstdDictDecompress decompression;
    private final BlockingQueue<ZstdDecompressCtx> idle = new ArrayBlockingQueue<>(POOLED_CONTEXTS);

    private ZstdDictionary(byte[] dictionary) {
        this.compressor = new ZstdCompressCtx()
                .setLevel(LEVEL)
                // Each object refers to its dictionary and knows its own size: no id, no checksum in its frame.
                .setDictID(false)
                .setChecksum(false)
                .setContentSize(true)
                .loadDict(dictionary);
        this.decompression = new ZstdDictDecompress(dictionary);
    }

    /**
     * A dictionary trained on {@code samples} (whole objects' compact JSON).
     *
     * @throws ZstdException when zstd cannot train one from them (too few, or too small)
     */
    static ZstdDictionary train(List<byte[]> samples) {
        byte[] buffer = new byte[SIZE];
        long size = Zstd.trainFromBuffer(samples.toArray(byte[][]::new), buffer);
        if (Zstd.isError(size)) {
            throw new ZstdException(size, Zstd.getErrorName(size));
        }
        return new ZstdDictionary(Arrays.copyOf(buffer, (int) size));
    }

    /** {@code json} as a zstd frame. Not thread-safe: the compressor's thread only. */
    byte[] compress(byte[] json) {
        return compressor.compress(json);
    }

    /** The bytes of a frame {@link #compress} made. Thread-safe. */
    byte[] decompress(byte[] frame) {
        ZstdDecompressCtx context = idle.poll();
        if (context == null) {
            context = new ZstdDecompressCtx().loadDict(decompression);
        }
        try {
            return context.decompress(frame, contentSize(frame));
        } finally {
            if (!idle.offer(context)) {
                context.close();
            }
        }
    }

    /** The size of what a frame {@link #compress} made holds. */
    static int contentSize(byte[] frame) {
        return (int) Zstd.getFrameContentSize(frame);
    }
}
