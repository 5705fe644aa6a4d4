package io.kubeeventbridge.predicate;

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
 */
final class CanonicalText {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    // Asked of Jackson rather than assumed: its defaults decide what it escapes, in values and in keys.
    private static final boolean[] WRITTEN_AS_IS = writtenAsIs();

    private final JsonText text;
    private byte[] bytes;
    private int length;

    /** @param capacity the expected length: about the state's */
    CanonicalText(JsonText text, int capacity) {
        this.text = text;
        this.bytes = new byte[Math.max(capacity, 16)];
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

    /** A key and its colon. */
    void name(String key) {
        if (isWrittenAsIs(key)) {
            ensure(key.length() + 3);
            bytes[length++] = '"';
            for (int index = 0; index < key.length(); index++) {
                bytes[length++] = (byte) key.charAt(index);
            }
            bytes[length++] = '"';
        } else {
            append(JSON.writeValueAsBytes(key));
        }
        raw(':');
    }

    /** A string, number, boolean or null of the state's text. */
    void scalar(Range value) {
        if (isWrittenAsIs(value)) {
            ensure(value.end() - value.start());
            text.copy(value, bytes, length);
            length += value.end() - value.start();
        } else {
            append(JSON.writeValueAsBytes(text.decode(value)));
        }
    }

    long hash(XXHash64 xxhash) {
        return xxhash.hash(bytes, 0, length, 0);
    }

    private boolean isWrittenAsIs(Range value) {
        byte first = text.byteAt(value.start());
        if (first == '"') {
            for (int index = value.start() + 1; index < value.end() - 1; index++) {
                byte current = text.byteAt(index);
                if (current < 0 || !WRITTEN_AS_IS[current]) {
                    return false;
                }
            }
            return true;
        }
        return first == 't' || first == 'f' || first == 'n' || isPlainInteger(value);
    }

    /** An integer without sign or with a minus, no leading zero and no fraction or exponent; {@code -0} is not. */
    private boolean isPlainInteger(Range value) {
        boolean negative = text.byteAt(value.start()) == '-';
        int digits = negative ? value.start() + 1 : value.start();
        if (digits == value.end()) {
            return false;
        }
        if (text.byteAt(digits) == '0') {
            return !negative && value.end() - digits == 1;
        }
        for (int index = digits; index < value.end(); index++) {
            byte current = text.byteAt(index);
            if (current < '0' || current > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWrittenAsIs(String key) {
        for (int index = 0; index < key.length(); index++) {
            char current = key.charAt(index);
            if (current >= WRITTEN_AS_IS.length || !WRITTEN_AS_IS[current]) {
                return false;
            }
        }
        return true;
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

    /** The ASCII characters Jackson writes as themselves, in a string value and in a key. */
    private static boolean[] writtenAsIs() {
        boolean[] asIs = new boolean[128];
        for (char character = ' '; character < 127; character++) {
            String alone = String.valueOf(character);
            asIs[character] =
                    new String(JSON.writeValueAsBytes(alone), StandardCharsets.UTF_8).equals('"' + alone + '"')
                            && new String(JSON.writeValueAsBytes(Map.of(alone, 0)), StandardCharsets.UTF_8)
                                    .equals("{\"" + alone + "\":0}");
        }
        return asIs;
    }
}
