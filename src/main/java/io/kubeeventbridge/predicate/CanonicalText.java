package io.kubeeventbridge.predicate;

import io.kubeeventbridge.predicate.JsonText.Member;
import io.kubeeventbridge.predicate.JsonText.Range;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import net.jpountz.xxhash.XXHash64;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical text of a state, as {@link ContentFingerprint} writes it: byte for byte what Jackson writes for the
 * decoded values, without whitespace. A string, key or integer that Jackson would write exactly as the state's text
 * has it is copied from there; any other scalar (escapes, non-ASCII text, fractions) is decoded and written by
 * Jackson itself.
 *
 * <p>Written into a buffer kept by the thread for its next one: one canonical text at a time on a thread.
 */
final class CanonicalText {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    // Asked of Jackson rather than assumed: its defaults decide what it escapes, in values and in keys.
    private static final boolean PLAIN_WRITTEN_AS_IS = plainWrittenAsIs();
    // Allocating and zeroing a buffer the size of each state cost a tenth of a pod's fingerprint, and its garbage
    // slowed the rest. A thread keeps one for good, so none larger than this.
    private static final int MOST_BYTES_KEPT = 64 * 1024;
    private static final ThreadLocal<byte[]> KEPT = ThreadLocal.withInitial(() -> new byte[0]);

    private final JsonText text;
    private byte[] bytes;
    private int length;

    /** @param capacity the expected length: about the state's */
    CanonicalText(JsonText text, int capacity) {
        this.text = text;
        this.bytes = buffer(Math.max(capacity, 16));
    }

    /** The thread's kept buffer if it holds {@code capacity} bytes; else a new one, kept unless too large. */
    private static byte[] buffer(int capacity) {
        byte[] kept = KEPT.get();
        if (kept.length >= capacity) {
            return kept;
        }
        byte[] fresh = new byte[capacity];
        if (capacity <= MOST_BYTES_KEPT) {
            KEPT.set(fresh);
        }
        return fresh;
    }

    int length() {
        return length;
    }

    /** Takes back what was written after {@code mark}, a {@link #length()} before. */
    void truncate(int mark) {
        length = mark;
    }

    /** One structural character: a bracket, brace or comma. */
    void raw(char character) {
        ensure(1);
        bytes[length++] = (byte) character;
    }

    void nullValue() {
        append(NULL);
    }

    /** A member's key and its colon: a plain key is copied as the state's text has it. */
    void name(Member member) {
        if (PLAIN_WRITTEN_AS_IS && member.plainKey()) {
            copy(member.key());
        } else {
            append(JSON.writeValueAsBytes(text.key(member)));
        }
        raw(':');
    }

    /** A string, number, boolean or null of the state's text. */
    void scalar(Range value) {
        if (isWrittenAsIs(value)) {
            copy(value);
        } else {
            append(JSON.writeValueAsBytes(text.decode(value)));
        }
    }

    /**
     * Copies {@code value}, an object or array, if it is written as its canonical text already ({@link
     * JsonText#isCanonical}); only where nothing in it is ignored.
     *
     * @return whether it was copied
     */
    boolean copyIfCanonical(Range value) {
        if (PLAIN_WRITTEN_AS_IS && text.isCanonical(value)) {
            copy(value);
            return true;
        }
        return false;
    }

    long hash(XXHash64 xxhash) {
        return xxhash.hash(bytes, 0, length, 0);
    }

    private boolean isWrittenAsIs(Range value) {
        return switch (text.kind(value)) {
            case STRING -> PLAIN_WRITTEN_AS_IS && text.isPlainString(value);
            case NUMBER -> text.isPlainInteger(value);
            default -> true;
        };
    }

    private void copy(Range value) {
        ensure(value.end() - value.start());
        text.copy(value, bytes, length);
        length += value.end() - value.start();
    }

    private void append(byte[] written) {
        ensure(written.length);
        System.arraycopy(written, 0, bytes, length, written.length);
        length += written.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Whether Jackson writes every printable ASCII character but the quote and backslash as itself, as JSON does. */
    private static boolean plainWrittenAsIs() {
        for (char character = ' '; character < 0x7F; character++) {
            String alone = String.valueOf(character);
            boolean escaped = character == '"' || character == '\\';
            if (!escaped
                    && !(new String(JSON.writeValueAsBytes(alone), StandardCharsets.UTF_8).equals('"' + alone + '"')
                            && new String(JSON.writeValueAsBytes(Map.of(alone, 0)), StandardCharsets.UTF_8)
                                    .equals("{\"" + alone + "\":0}"))) {
                return false;
            }
        }
        return true;
    }
}
