package io.kubeeventbridge.payload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the HMAC key of the {@code hash} mode from a file, typically a Kubernetes Secret mounted into the pod: a
 * file keeps the key out of the environment, the pod spec and the Spring environment endpoint.
 */
public final class SecretHashKey {

    /** 256 bits, the output size of SHA-256: a shorter key weakens the HMAC. */
    public static final int MIN_BYTES = 32;

    private SecretHashKey() {}

    /**
     * The key: the file's bytes without trailing whitespace (so a key written with a final newline works).
     *
     * @throws IllegalArgumentException saying what is wrong with the file; never quoting its content
     */
    public static byte[] read(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("is required when secret-values is hash; point it at a file holding "
                    + "at least " + MIN_BYTES + " random bytes, such as a mounted Kubernetes Secret");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot be read (" + e.getClass().getSimpleName() + "); mount the "
                    + "key file there, readable by the bridge's user");
        }
        int length = content.length;
        while (length > 0 && Character.isWhitespace(content[length - 1])) {
            length--;
        }
        if (length < MIN_BYTES) {
            throw new IllegalArgumentException("holds " + length + " bytes; the key must have at least " + MIN_BYTES
                    + ", e.g. from: head -c 32 /dev/urandom | base64");
        }
        return Arrays.copyOf(content, length);
    }
}
