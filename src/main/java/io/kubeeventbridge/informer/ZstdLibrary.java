package io.kubeeventbridge.informer;

import com.github.luben.zstd.util.Native;

/**
 * Whether zstd-jni's native library loads on this machine. zstd-jni ships it for glibc Linux on x86_64 and aarch64
 * (and more) inside its jar, and extracts it to {@code java.io.tmpdir} to load it; an image on musl, or a temporary
 * directory that does not allow executing files, prevents that. Then the cache keeps objects uncompressed.
 */
final class ZstdLibrary {

    private final String problem;

    private ZstdLibrary(String problem) {
        this.problem = problem;
    }

    /** zstd-jni's library, loaded now if no one has yet. */
    static ZstdLibrary load() {
        return load(Native::load);
    }

    /** The library {@code loader} loads; what it throws if it cannot. */
    static ZstdLibrary load(Runnable loader) {
        try {
            loader.run();
            return new ZstdLibrary(null);
        } catch (LinkageError | RuntimeException e) {
            return new ZstdLibrary(e.toString());
        }
    }

    boolean available() {
        return problem == null;
    }

    /** Why the library is not available; {@code null} when it is. */
    String problem() {
        return problem;
    }
}
