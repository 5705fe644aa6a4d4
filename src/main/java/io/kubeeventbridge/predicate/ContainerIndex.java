package io.kubeeventbridge.predicate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Where each object and array of a JSON text begins and ends, found in one scan, so that skipping a value nested deep
 * down costs no scan of it at every level above; and which of them are written canonically already (see {@link
 * #isCanonical}), so that a fingerprint copies them instead of sorting their keys. Containers are known by their
 * place in the order they begin ({@link JsonText.Range#container}), and each knows the first to begin after it ends
 * ({@link #following}): so the containers among an object's members or an array's elements are found one from the
 * other, without a search.
 */
final class ContainerIndex {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int BYTES_PER_CONTAINER = 32;

    private final byte[] bytes;
    private final boolean findsCanonical;
    private int[] starts;
    private int[] ends;
    private int[] following;
    private boolean[] canonical;
    private int count;
    // The scan's stack: the index of each open container, whether it is an object, and the last key read in it if so.
    private int[] open = new int[16];
    private int[] lastKeyStarts = new int[16];
    private int[] lastKeyEnds = new int[16];
    private boolean[] inObject = new boolean[16];
    private int depth;

    /** @param findsCanonical whether to find which containers are canonical, which costs a comparison takes not */
    ContainerIndex(byte[] bytes, boolean findsCanonical) {
        this.bytes = bytes;
        this.findsCanonical = findsCanonical;
        allocate(bytes.length);
        scanFrom(0);
    }

    /** An index of {@code bytes} still to fill ({@link AlignedScan}), not finding which containers are canonical. */
    ContainerIndex(byte[] bytes) {
        this.bytes = bytes;
        this.findsCanonical = false;
        allocate(bytes.length);
    }

    /**
     * Room for as many containers as a text of {@code length} bytes mostly holds, so that they are seldom copied to
     * larger arrays: a pod holds one per 60 bytes or so.
     */
    private void allocate(int length) {
        int capacity = Math.max(16, length / BYTES_PER_CONTAINER);
        starts = new int[capacity];
        ends = new int[capacity];
        following = new int[capacity];
        canonical = new boolean[capacity];
    }

    /** How many objects and arrays the text holds. */
    int count() {
        return count;
    }

    /** Where the {@code container}th object or array, in the order they begin, begins. */
    int startOf(int container) {
        return starts[container];
    }

    /** Where the {@code container}th object or array, in the order they begin, ends. */
    int endOf(int container) {
        return ends[container];
    }

    /**
     * The first object or array to begin after the {@code container}th ends: the next one beside it, if any; {@link
     * #count()} if none does.
     */
    int following(int container) {
        return following[container];
    }

    /**
     * Whether the {@code container}th object or array is written as its canonical text already (never when the index
     * was not asked to find out): without whitespace, the keys of each object in it in increasing order, every string
     * and key {@link #isPlainString plain}, every number a {@link #isPlainInteger plain integer}, and no empty object,
     * which the canonical text may leave out.
     */
    boolean isCanonical(int container) {
        return canonical[container];
    }

    /** The end of the string that begins at {@code start}: most of a text is in strings, read eight bytes at a time. */
    static int stringEnd(byte[] bytes, int start) {
        int at = start + 1;
        while (at + Long.BYTES <= bytes.length) {
            long found = quotesAndBackslashes((long) LONGS.get(bytes, at));
            if (found == 0) {
                at += Long.BYTES;
            } else {
                at += Long.numberOfTrailingZeros(found) / Byte.SIZE;
                if (bytes[at] == '"') {
                    return at + 1;
                }
                at += 2;
            }
        }
        while (bytes[at] != '"') {
            at += bytes[at] == '\\' ? 2 : 1;
        }
        return at + 1;
    }

    /**
     * The end of the string that begins at {@code start} if it is {@link #isPlainString plain}, else -1: the canonical
     * scan reads both at once, eight bytes at a time.
     */
    static int plainStringEnd(byte[] bytes, int start) {
        int at = start + 1;
        while (at + Long.BYTES <= bytes.length) {
            long found = quotesAndNotPlain((long) LONGS.get(bytes, at));
            if (found != 0) {
                at += Long.numberOfTrailingZeros(found) / Byte.SIZE;
                return bytes[at] == '"' ? at + 1 : -1;
            }
            at += Long.BYTES;
        }
        int end = stringEnd(bytes, start);
        return isPlainString(bytes, start, end) ? end : -1;
    }

    /** Whether the string {@code [start, end)}, quotes included, is printable ASCII without escapes. */
    static boolean isPlainString(byte[] bytes, int start, int end) {
        for (int at = start + 1; at < end - 1; at++) {
            byte current = bytes[at];
            if (current < ' ' || current == '\\' || current == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code [start, end)} is an integer with no sign but a minus, no leading zero and not {@code -0}. */
    static boolean isPlainInteger(byte[] bytes, int start, int end) {
        boolean negative = bytes[start] == '-';
        int digits = negative ? start + 1 : start;
        if (digits == end) {
            return false;
        }
        if (bytes[digits] == '0') {
            return !negative && end - digits == 1;
        }
        for (int at = digits; at < end; at++) {
            if (bytes[at] < '0' || bytes[at] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Scans the text from {@code at}, where a value or a separator begins, to its end. */
    void scanFrom(int at) {
        boolean key = false;
        while (at < bytes.length) {
            byte current = bytes[at];
            switch (current) {
                case '"' -> {
                    boolean checked = isStillCanonical();
                    int end = checked ? plainStringEnd(bytes, at) : -1;
                    boolean plain = end > 0;
                    if (!plain) {
                        end = stringEnd(bytes, at);
                    }
                    if (checked) {
                        string(at, end, plain, key);
                    }
                    at = end;
                    if (key && at < bytes.length && bytes[at] == ':') {
                        at++; // in compact text the colon follows the key at once: one turn of the loop less
                    }
                    key = false;
                }
                case '{', '[' -> {
                    open(at++);
                    key = current == '{';
                }
                case '}', ']' -> close(at++);
                case ':' -> at++;
                case ',' -> {
                    key = inObject[depth - 1];
                    at++;
                }
                case ' ', '\n', '\r', '\t' -> {
                    notCanonical();
                    at++;
                }
                default -> at = scalar(at);
            }
        }
    }

    /** Past the number or literal at {@code start}: a number that is no plain integer is not canonical. */
    private int scalar(int start) {
        int end = start + 1;
        while (end < bytes.length && !JsonText.endsScalar(bytes[end])) {
            end++;
        }
        if (!findsCanonical) {
            return end;
        }
        byte first = bytes[start];
        boolean number = first == '-' || (first >= '0' && first <= '9');
        if (number && !isPlainInteger(bytes, start, end)) {
            notCanonical();
        }
        return end;
    }

    /**
     * Whether the strings of the innermost open container must be read for whether it is canonical: not once it is
     * known not to be, by a key out of order or a value within it, so that an object the fingerprint sorts anyway
     * costs no more checks.
     */
    private boolean isStillCanonical() {
        return findsCanonical && depth > 0 && canonical[open[depth - 1]];
    }

    private void string(int start, int end, boolean plain, boolean key) {
        if (!plain) {
            notCanonical();
        }
        if (key) {
            int object = depth - 1;
            if (plain && lastKeyEnds[object] > 0 && !isBefore(lastKeyStarts[object], lastKeyEnds[object], start, end)) {
                notCanonical();
            }
            lastKeyStarts[object] = start;
            lastKeyEnds[object] = end;
        }
    }

    /**
     * Whether the plain string {@code [start, end)} sorts before {@code [otherStart, otherEnd)}, both quoted. By hand:
     * keys mostly differ in their first bytes, where a call of {@link Arrays#compare} costs more than the comparison.
     */
    private boolean isBefore(int start, int end, int otherStart, int otherEnd) {
        int length = Math.min(end - start, otherEnd - otherStart) - 1;
        for (int offset = 1; offset < length; offset++) {
            int order = bytes[start + offset] - bytes[otherStart + offset];
            if (order != 0) {
                return order < 0;
            }
        }
        return end - start < otherEnd - otherStart;
    }

    /**
     * Appends {@code other}'s containers from the {@code from}th to before the {@code to}th, moved by {@code shift}: a
     * container with all those in it, of a text that agrees with this one there. Only where canonical ones are not
     * found.
     */
    void appendWhole(ContainerIndex other, int from, int to, int shift) {
        int added = to - from;
        if (count + added > starts.length) {
            grow(Math.max(starts.length * 2, count + added));
        }
        int renumbered = count - from;
        for (int container = from; container < to; container++) {
            starts[count] = other.starts[container] + shift;
            ends[count] = other.ends[container] + shift;
            following[count++] = other.following[container] + renumbered;
        }
    }

    /** An object or array begins at {@code start}. */
    void open(int start) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
            lastKeyStarts = Arrays.copyOf(lastKeyStarts, depth * 2);
            lastKeyEnds = Arrays.copyOf(lastKeyEnds, depth * 2);
            inObject = Arrays.copyOf(inObject, depth * 2);
        }
        if (count == starts.length) {
            grow(count * 2);
        }
        lastKeyEnds[depth] = 0;
        inObject[depth] = bytes[start] == '{';
        open[depth++] = count;
        starts[count] = start;
        canonical[count++] = findsCanonical;
    }

    /**
     * The innermost open object or array ends at {@code at}. A container that is not canonical makes the one around it
     * not canonical either.
     */
    void close(int at) {
        int closed = open[--depth];
        ends[closed] = at + 1;
        following[closed] = count;
        if (bytes[at] == '}' && bytes[at - 1] == '{') {
            canonical[closed] = false;
        }
        if (!canonical[closed]) {
            notCanonical();
        }
    }

    private void grow(int capacity) {
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
        following = Arrays.copyOf(following, capacity);
        canonical = Arrays.copyOf(canonical, capacity);
    }

    /** The innermost open container is not canonical. */
    private void notCanonical() {
        if (depth > 0) {
            canonical[open[depth - 1]] = false;
        }
    }

    /**
     * The high bit of each byte of {@code word} (little-endian) that is a quote or not printable ASCII (a backslash,
     * below a space, DEL or above), and perhaps of bytes after the first such.
     */
    private static long quotesAndNotPlain(long word) {
        long delete = word ^ 0x7F7F7F7F7F7F7F7FL;
        long belowSpace = (word - 0x2020202020202020L) & ~word;
        return (quotesAndBackslashes(word) | ((delete - ONES) & ~delete) | belowSpace | word) & HIGH_BITS;
    }

    /**
     * The high bit of each byte of {@code word} (little-endian) that is a quote or a backslash, and perhaps of bytes
     * after the first such: a byte that XORed with either is zero.
     */
    private static long quotesAndBackslashes(long word) {
        long quotes = word ^ 0x2222222222222222L;
        long backslashes = word ^ 0x5C5C5C5C5C5C5C5CL;
        return (((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes)) & HIGH_BITS;
    }
}
