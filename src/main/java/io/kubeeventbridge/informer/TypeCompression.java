package io.kubeeventbridge.informer;

import com.github.luben.zstd.ZstdException;
import io.kubeeventbridge.event.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses the cached objects of one resource type with a zstd dictionary trained on the type's own objects: the
 * first ones compacted are kept as samples, uncompressed, until there are enough to train on (or the first list is
 * complete and there are at least {@link #MIN_SAMPLES}); then the dictionary is trained, the samples compressed, and
 * every later object compressed as it comes. All of it runs on the {@link CacheCompressor}'s thread, never on an
 * informer's or a handler's. A type with fewer objects than {@link #MIN_SAMPLES} is not worth a dictionary and stays
 * uncompressed, as does one zstd cannot train a dictionary for, and every type without zstd's native library.
 *
 * <p>Until an informer of the type completes its first list (or stops), its objects are not even handed to that
 * thread: they wait, uncompressed, within the compressor's {@link DeferralBudget}, and past it the oldest are
 * compressed. So a sync's informer and handler threads have the cores to themselves unless the list is large for
 * the heap.
 */
final class TypeCompression {

    private static final Logger log = LoggerFactory.getLogger(TypeCompression.class);

    static final int MIN_SAMPLES = 100;
    // About a second of training on one core at most; more samples than this did not compress pods better.
    private static final int MAX_SAMPLES = 1_000;
    private static final long MAX_SAMPLE_BYTES = 8L * 1024 * 1024;

    private final ResourceType type;
    private final Executor thread;
    private final DeferralBudget budget;
    private volatile ZstdDictionary dictionary;
    private volatile boolean untrainable;
    private volatile boolean listed;
    // Compacted during the first list, in that order, not handed to the compressor's thread yet.
    private final Queue<CachedObject> deferred = new ConcurrentLinkedQueue<>();
    // The compressor's thread only.
    private final List<CachedObject> samples = new ArrayList<>();
    private long sampleBytes;

    /**
     * @param budget how much JSON may wait uncompressed during first lists, shared by every type of the compressor
     * @param enabled whether to compress at all: not without zstd's native library
     */
    TypeCompression(ResourceType type, Executor thread, DeferralBudget budget, boolean enabled) {
        this.type = type;
        this.thread = thread;
        this.budget = budget;
        this.untrainable = !enabled;
    }

    /**
     * Compresses {@code object}, a compact state the cache just took, on the compressor's thread: once the first list
     * is complete, or while it runs once the JSON deferred is over budget. Called on the handler thread.
     */
    void compressLater(CachedObject object) {
        if (untrainable) {
            return;
        }
        if (listed) {
            thread.execute(() -> compress(object));
            return;
        }
        deferred.add(object);
        if (budget.defer(object.storedBytes())) {
            thread.execute(this::compressDeferredOverBudget);
        }
        // listed() may have handed over what was deferred just before this object joined: hand it over too.
        if (listed) {
            thread.execute(this::compressDeferred);
        }
    }

    /**
     * An informer of the type completed its first list, or stopped: what was deferred is compressed now, and a
     * dictionary may be trained from fewer samples. Called again after every list; only the first call changes
     * anything.
     */
    void listed() {
        if (untrainable || listed) {
            return;
        }
        listed = true;
        thread.execute(() -> {
            compressDeferred();
            trainWhenReady();
        });
    }

    /** Whether objects of this type are compressed from now on. */
    boolean trained() {
        return dictionary != null;
    }

    private void compressDeferred() {
        for (CachedObject next = deferred.poll(); next != null; next = deferred.poll()) {
            budget.release(next.storedBytes());
            compress(next);
        }
    }

    private void compressDeferredOverBudget() {
        while (budget.exceeded()) {
            CachedObject next = deferred.poll();
            if (next == null) {
                // Other types hold what is deferred; each compresses its own as it defers more.
                return;
            }
            budget.release(next.storedBytes());
            compress(next);
        }
    }

    private void compress(CachedObject object) {
        ZstdDictionary trained = dictionary;
        if (trained != null) {
            object.compress(trained);
        } else if (!untrainable) {
            samples.add(object);
            sampleBytes += object.storedBytes();
            trainWhenReady();
        }
    }

    private void trainWhenReady() {
        boolean enough = samples.size() >= MAX_SAMPLES
                || sampleBytes >= MAX_SAMPLE_BYTES
                || (listed && samples.size() >= MIN_SAMPLES);
        if (dictionary != null || untrainable || !enough) {
            return;
        }
        try {
            ZstdDictionary trained = ZstdDictionary.train(
                    samples.stream().map(CachedObject::json).toList());
            samples.forEach(sample -> sample.compress(trained));
            dictionary = trained;
            log.debug("Compressing the cached {} with a dictionary trained on {} of them", type, samples.size());
        } catch (ZstdException e) {
            untrainable = true;
            log.info(
                    "The cached {} stay uncompressed: zstd could not train a dictionary on them ({})",
                    type,
                    e.getMessage());
        }
        samples.clear();
    }
}
