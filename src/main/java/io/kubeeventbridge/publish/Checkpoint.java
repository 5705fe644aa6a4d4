package io.kubeeventbridge.publish;

import java.util.OptionalLong;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * What was last published for an object, as recorded in the checkpoint topic.
 *
 * @param uid the object's uid
 * @param resourceVersion its resourceVersion at that state
 * @param fingerprint the {@link #fingerprint} of the event's data as published; empty for checkpoints written before
 *     the bridge recorded it
 */
public record Checkpoint(String uid, String resourceVersion, OptionalLong fingerprint) {

    // The pure-Java implementation: no native library to extract on a read-only root filesystem.
    private static final XXHash64 XXH64 = XXHashFactory.fastestJavaInstance().hash64();

    /** A checkpoint without fingerprint, as legacy records hold. */
    public Checkpoint(String uid, String resourceVersion) {
        this(uid, resourceVersion, OptionalLong.empty());
    }

    /**
     * XXH64 with seed 0 of the data: a stable 64-bit hash, the same for the same bytes in every version of the bridge
     * and every JVM, so checkpoints stay comparable across upgrades.
     */
    static long fingerprint(byte[] data) {
        return XXH64.hash(data, 0, data.length, 0);
    }
}
