package io.kubeeventbridge.informer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How much compact JSON the cache may keep uncompressed across resource types while their first lists run. A
 * {@link TypeCompression} defers compressing its type's objects, and training its dictionary, until the type's first
 * list is complete: on a machine of a few cores, the compressor's thread would otherwise compete for them with the
 * informer and handler threads, whose work readiness waits for. Past this budget the objects deferred longest are
 * compressed at once, so a first list's heap stays bounded however large it is.
 */
final class DeferralBudget {

    private final long maxBytes;
    private final AtomicLong deferred = new AtomicLong();

    DeferralBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Counts {@code bytes} more deferred; returns whether the JSON deferred is now over budget. */
    boolean defer(long bytes) {
        return deferred.addAndGet(bytes) > maxBytes;
    }

    /** {@code bytes} deferred are no longer: their objects are taken up for compression. */
    void release(long bytes) {
        deferred.addAndGet(-bytes);
    }

    boolean exceeded() {
        return deferred.get() > maxBytes;
    }

    long deferredBytes() {
        return deferred.get();
    }
}
