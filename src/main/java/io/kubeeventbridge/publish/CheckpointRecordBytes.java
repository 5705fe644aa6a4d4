package io.kubeeventbridge.publish;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one checkpoint record as {@link CheckpointRecords} writes them: single bytes, 8-byte big-endian longs,
 * and strings as their UTF-8 length in an unsigned varint (LEB128) followed by their UTF-8 bytes. Written once per
 * acknowledged event, so ASCII strings (nearly every name, uid and resourceVersion) are copied a character at a time,
 * without an intermediate array.
 */
final class CheckpointRecordBytes {

    private static final int INITIAL_CAPACITY = 96;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int count;

    void writeByte(int value) {
        ensure(1);
        bytes[count++] = (byte) value;
    }

    void writeLong(long value) {
        ensure(Long.BYTES);
        for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
            bytes[count++] = (byte) (value >>> shift);
        }
    }

    void writeString(String string) {
        if (!isAscii(string)) {
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            writeUnsignedVarint(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, count, utf8.length);
            count += utf8.length;
            return;
        }
        int length = string.length();
        writeUnsignedVarint(length);
        ensure(length);
        for (int index = 0; index < length; index++) {
            bytes[count++] = (byte) string.charAt(index);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, count);
    }

    private void writeUnsignedVarint(int value) {
        ensure(5);
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            bytes[count++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        bytes[count++] = (byte) rest;
    }

    private static boolean isAscii(String string) {
        for (int index = 0; index < string.length(); index++) {
            if (string.charAt(index) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(count + more, bytes.length * 2));
        }
    }
}
