package io.kubeeventbridge.publish;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * The record format of the checkpoint topic. Records that a new version of the bridge no longer finds would make its
 * first start publish every object again, so the format is pinned by a test and versioned: the first byte of key and
 * value is the format, and a new format keeps reading the ones before it.
 *
 * <p>Format 1, written since checkpoints are scoped by topic. A string is its UTF-8 length as an unsigned varint
 * (LEB128), then its UTF-8 bytes.
 *
 * <ul>
 *   <li>key: {@code 0x01}, then the strings topic, group ({@code ""} for the core group), version, resource plural and
 *       object key ({@code namespace/name} or {@code name});
 *   <li>value: {@code 0x01}, a flags byte, the uid (16 bytes when flag {@code 0x01} says it is a UUID in canonical
 *       lower-case form, as Kubernetes writes them, a string otherwise), the resourceVersion as a string, and when flag
 *       {@code 0x02} is set the 8-byte big-endian fingerprint; a tombstone once the object is deleted.
 * </ul>
 *
 * <p>Format 0, legacy, read and retired: UTF-8 text, key {@code {apiVersion}/{resource}|{object key}}, value
 * {@code {uid}/{resourceVersion}}. A text key never starts with a byte below {@code 0x20}, so the first byte tells
 * the formats apart.
 */
final class CheckpointRecords {

    private static final byte FORMAT = 1;
    private static final int UID_IS_UUID = 0x01;
    private static final int HAS_FINGERPRINT = 0x02;
    private static final int UUID_BYTES = 16;
    private static final int FINGERPRINT_BYTES = 8;
    private static final char LEGACY_SEPARATOR = '|';
    private static final byte FIRST_TEXT_BYTE = 0x20;

    private CheckpointRecords() {}

    /** Format 1, or format 0 for a legacy key (written only to retire it). */
    static byte[] key(CheckpointKey key) {
        CheckpointScope scope = key.scope();
        if (scope.isLegacy()) {
            String apiVersion = scope.group().isEmpty() ? scope.version() : scope.group() + "/" + scope.version();
            return (apiVersion + "/" + scope.resource() + LEGACY_SEPARATOR + key.object())
                    .getBytes(StandardCharsets.UTF_8);
        }
        byte[][] strings = utf8(scope.topic(), scope.group(), scope.version(), scope.resource(), key.object());
        ByteBuffer out = ByteBuffer.allocate(1 + sizeOf(strings));
        out.put(FORMAT);
        for (byte[] string : strings) {
            writeString(out, string);
        }
        return out.array();
    }

    static byte[] value(Checkpoint checkpoint) {
        boolean uuid = isCanonicalUuid(checkpoint.uid());
        byte[][] strings =
                uuid ? utf8(checkpoint.resourceVersion()) : utf8(checkpoint.uid(), checkpoint.resourceVersion());
        int flags = (uuid ? UID_IS_UUID : 0) | (checkpoint.fingerprint().isPresent() ? HAS_FINGERPRINT : 0);
        ByteBuffer out = ByteBuffer.allocate(2
                + (uuid ? UUID_BYTES : 0)
                + sizeOf(strings)
                + (checkpoint.fingerprint().isPresent() ? FINGERPRINT_BYTES : 0));
        out.put(FORMAT).put((byte) flags);
        if (uuid) {
            UUID id = UUID.fromString(checkpoint.uid());
            out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        for (byte[] string : strings) {
            writeString(out, string);
        }
        checkpoint.fingerprint().ifPresent(out::putLong);
        return out.array();
    }

    /** @throws IllegalArgumentException saying what is wrong, when {@code key} is no checkpoint key of any format */
    static CheckpointKey readKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("no key");
        }
        if (key[0] != FORMAT) {
            return readLegacyKey(text(known(key)));
        }
        ByteBuffer in = ByteBuffer.wrap(key, 1, key.length - 1);
        try {
            String topic = readString(in);
            String group = readString(in);
            String version = readString(in);
            String resource = readString(in);
            String object = readString(in);
            if (topic.isEmpty() || version.isEmpty() || resource.isEmpty() || object.isEmpty()) {
                throw new IllegalArgumentException("a key with an empty topic, version, resource or object");
            }
            return ended(in, new CheckpointKey(new CheckpointScope(topic, group, version, resource), object));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("key ends early");
        }
    }

    /** @throws IllegalArgumentException saying what is wrong, when {@code value} is no checkpoint of any format */
    static Checkpoint readValue(byte[] value) {
        if (value.length == 0 || value[0] != FORMAT) {
            return readLegacyValue(text(known(value)));
        }
        ByteBuffer in = ByteBuffer.wrap(value, 1, value.length - 1);
        try {
            int flags = in.get();
            if ((flags & ~(UID_IS_UUID | HAS_FINGERPRINT)) != 0) {
                throw new IllegalArgumentException("unknown flags " + flags);
            }
            String uid = (flags & UID_IS_UUID) != 0 ? new UUID(in.getLong(), in.getLong()).toString() : readString(in);
            String resourceVersion = readString(in);
            OptionalLong fingerprint =
                    (flags & HAS_FINGERPRINT) != 0 ? OptionalLong.of(in.getLong()) : OptionalLong.empty();
            return ended(in, new Checkpoint(uid, resourceVersion, fingerprint));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("value ends early");
        }
    }

    /** {@code bytes} unless they start with the byte of a format this version does not know. */
    private static byte[] known(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] >= 0 && bytes[0] < FIRST_TEXT_BYTE) {
            throw new IllegalArgumentException("format " + bytes[0] + ", which this version cannot read");
        }
        return bytes;
    }

    private static CheckpointKey readLegacyKey(String key) {
        int separator = key.indexOf(LEGACY_SEPARATOR);
        String[] resource =
                separator < 0 ? new String[0] : key.substring(0, separator).split("/", -1);
        if (resource.length < 2
                || resource.length > 3
                || Arrays.asList(resource).contains("")
                || separator == key.length() - 1) {
            throw new IllegalArgumentException("neither format 1 nor a legacy key");
        }
        String group = resource.length == 3 ? resource[0] : "";
        return new CheckpointKey(
                new CheckpointScope(null, group, resource[resource.length - 2], resource[resource.length - 1]),
                key.substring(separator + 1));
    }

    private static Checkpoint readLegacyValue(String value) {
        int slash = value.lastIndexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw new IllegalArgumentException("neither format 1 nor a legacy value");
        }
        return new Checkpoint(value.substring(0, slash), value.substring(slash + 1));
    }

    private static boolean isCanonicalUuid(String uid) {
        try {
            return UUID.fromString(uid).toString().equals(uid);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[][] utf8(String... strings) {
        return Arrays.stream(strings)
                .map(string -> string.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    private static int sizeOf(byte[][] strings) {
        return Arrays.stream(strings)
                .mapToInt(string -> ByteUtils.sizeOfUnsignedVarint(string.length) + string.length)
                .sum();
    }

    private static void writeString(ByteBuffer out, byte[] utf8) {
        ByteUtils.writeUnsignedVarint(utf8.length, out);
        out.put(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = ByteUtils.readUnsignedVarint(in);
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException(
                    "a string of " + length + " bytes where " + in.remaining() + " are left");
        }
        String string = text(in.slice(in.position(), length));
        in.position(in.position() + length);
        return string;
    }

    private static String text(byte[] bytes) {
        return text(ByteBuffer.wrap(bytes));
    }

    // Strict: bytes that are no UTF-8 make a record unreadable, never a checkpoint of some other object. ASCII, what
    // keys and values nearly always are, is valid UTF-8 and needs no decoder.
    private static String text(ByteBuffer utf8) {
        if (utf8.hasArray() && isAscii(utf8)) {
            return new String(
                    utf8.array(), utf8.arrayOffset() + utf8.position(), utf8.remaining(), StandardCharsets.US_ASCII);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(utf8);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }

    private static boolean isAscii(ByteBuffer bytes) {
        byte[] array = bytes.array();
        int end = bytes.arrayOffset() + bytes.limit();
        for (int index = bytes.arrayOffset() + bytes.position(); index < end; index++) {
            if (array[index] < 0) {
                return false;
            }
        }
        return true;
    }

    private static <T> T ended(ByteBuffer in, T read) {
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the end");
        }
        return read;
    }
}
