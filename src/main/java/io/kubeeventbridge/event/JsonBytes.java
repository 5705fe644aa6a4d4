package io.kubeeventbridge.event;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable buffer of JSON text, written to directly. Strings of printable ASCII without quote or backslash (nearly
 * every string of a Kubernetes object) are copied as they are; {@link ObjectJson} hands anything else to Jackson,
 * which writes into the same buffer as an {@link OutputStream}, so the bytes stay Jackson's. A writer can go back to
 * a {@link #mark()} and write a value again another way.
 */
final class JsonBytes extends OutputStream {

    // Above this, a buffer is not kept for the next object of its thread.
    private static final int MAX_KEPT = 1 << 20;
    private static final ThreadLocal<JsonBytes> PER_THREAD = ThreadLocal.withInitial(() -> new JsonBytes(16 * 1024));

    private byte[] buffer;
    private int count;

    private JsonBytes(int capacity) {
        buffer = new byte[capacity];
    }

    /** This thread's buffer, emptied. Not reentrant: one encoding at a time per thread. */
    static JsonBytes ofThisThread() {
        JsonBytes bytes = PER_THREAD.get();
        bytes.count = 0;
        return bytes;
    }

    /** The bytes written, in an array of their exact size; drops a buffer grown too large to keep. */
    byte[] toByteArray() {
        byte[] result = Arrays.copyOf(buffer, count);
        if (buffer.length > MAX_KEPT) {
            PER_THREAD.remove();
        }
        return result;
    }

    int mark() {
        return count;
    }

    /** Forgets what was written since {@code mark}. */
    void reset(int mark) {
        count = mark;
    }

    void writeByte(char ascii) {
        ensure(1);
        buffer[count++] = (byte) ascii;
    }

    /**
     * Writes {@code text} quoted, if every character is printable ASCII other than {@code "} and {@code \}, which JSON
     * takes as they are.
     *
     * @return whether it did; if not, nothing was written
     */
    boolean writePlainString(String text) {
        int length = text.length();
        ensure(length + 2);
        byte[] out = buffer;
        int position = count;
        out[position++] = '"';
        for (int index = 0; index < length; index++) {
            char c = text.charAt(index);
            if (!isPlain(c)) {
                return false;
            }
            out[position++] = (byte) c;
        }
        out[position++] = '"';
        count = position;
        return true;
    }

    /**
     * {@link #writePlainString(String)} for the characters {@code text[offset, offset + length)}, as a parser holds a
     * string's. A loop of its own: reading a string into an array to share one costs a tenth more per object.
     */
    boolean writePlainString(char[] text, int offset, int length) {
        ensure(length + 2);
        byte[] out = buffer;
        int position = count;
        out[position++] = '"';
        for (int index = offset, end = offset + length; index < end; index++) {
            char c = text[index];
            if (!isPlain(c)) {
                return false;
            }
            out[position++] = (byte) c;
        }
        out[position++] = '"';
        count = position;
        return true;
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    }

    /** Writes {@code number} in decimal, the digits Jackson writes. */
    void writeNumber(long number) {
        writeAscii(Long.toString(number));
    }

    void writeAscii(String ascii) {
        int length = ascii.length();
        ensure(length);
        for (int index = 0; index < length; index++) {
            buffer[count++] = (byte) ascii.charAt(index);
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    private void ensure(int more) {
        if (count + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(count + more, buffer.length * 2));
        }
    }
}
