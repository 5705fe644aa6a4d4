package io.kubeeventbridge.payload;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces one Secret value. {@code data} values stay valid base64, so consumers that decode Secrets into typed
 * objects (a Go {@code corev1.Secret}, for instance) still can.
 */
public abstract sealed class SecretMasker {

    /** What every value becomes under {@code redact}: the text {@code <redacted>}, base64-encoded in {@code data}. */
    public static final String REDACTED = "<redacted>";

    static final String REDACTED_DATA = Base64.getEncoder().encodeToString(REDACTED.getBytes(StandardCharsets.UTF_8));

    private SecretMasker() {}

    public static SecretMasker redacting() {
        return new Redacting();
    }

    /** Replaces each value by the base64 of its HMAC-SHA256 under {@code key}; equal values give equal hashes. */
    public static SecretMasker hashing(byte[] key) {
        return new Hashing(key);
    }

    /** A replacement for a value of {@code data} (base64 of the secret bytes). */
    abstract String data(String base64);

    /** A replacement for a value of {@code stringData} (the secret as text). */
    abstract String stringData(String text);

    private static final class Redacting extends SecretMasker {

        @Override
        String data(String base64) {
            return REDACTED_DATA;
        }

        @Override
        String stringData(String text) {
            return REDACTED;
        }
    }

    private static final class Hashing extends SecretMasker {

        private static final String ALGORITHM = "HmacSHA256";

        private final SecretKeySpec key;

        Hashing(byte[] key) {
            if (key.length < SecretHashKey.MIN_BYTES) {
                throw new IllegalArgumentException(
                        "The HMAC key must have at least " + SecretHashKey.MIN_BYTES + " bytes");
            }
            this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
        }

        @Override
        String data(String base64) {
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                // Not what an API server sends; hash the text rather than fail, and never echo it.
                secret = base64.getBytes(StandardCharsets.UTF_8);
            }
            return hmac(secret);
        }

        @Override
        String stringData(String text) {
            return hmac(text.getBytes(StandardCharsets.UTF_8));
        }

        private String hmac(byte[] secret) {
            try {
                // Mac instances are not thread-safe, and informers of several namespaces filter concurrently.
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return Base64.getEncoder().encodeToString(mac.doFinal(secret));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every Java runtime provides " + ALGORITHM, e);
            }
        }
    }
}
