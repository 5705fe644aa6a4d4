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
    // A canonical UUID's text, and where its first half (of 64 bits) ends: at the dash before the fourth group.
    private static final int UUID_TEXT_LENGTH = 36;
    private static final int UUID_HALF_END = 18;
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
        CheckpointRecordBytes out = new CheckpointRecordBytes();
        out.writeByte(FORMAT);
        out.writeString(scope.topic());
        out.writeString(scope.group());
        out.writeString(scope.version());
        out.writeString(scope.resource());
        out.writeString(key.object());
        return out.toByteArray();
    }

    static byte[] value(Checkpoint checkpoint) {
        String uid = checkpoint.uid();
        boolean uuid = isCanonicalUuid(uid);
        int flags = (uuid ? UID_IS_UUID : 0) | (checkpoint.fingerprint().isPresent() ? HAS_FINGERPRINT : 0);
        CheckpointRecordBytes out = new CheckpointRecordBytes();
        out.writeByte(FORMAT);
        out.writeByte(flags);
        if (uuid) {
            out.writeLong(hexBits(uid, 0, UUID_HALF_END));
            out.writeLong(hexBits(uid, UUID_HALF_END + 1, UUID_TEXT_LENGTH));
        } else {
            out.writeString(uid);
        }
        out.writeString(checkpoint.resourceVersion());
        if (checkpoint.fingerprint().isPresent()) {
            out.writeLong(checkpoint.fingerprint().getAsLong());
        }
        return out.toByteArray();
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

    /**
     * Whether {@code uid} is a UUID as {@link UUID#toString} writes it, and Kubernetes too: 36 characters, lower-case
     * hex digits with dashes at 8, 13, 18 and 23. Checked by hand: parsing and printing it again cost more than the
     * rest of the record.
     */
    private static boolean isCanonicalUuid(String uid) {
        if (uid.length() != UUID_TEXT_LENGTH) {
            return false;
        }
        for (int index = 0; index < UUID_TEXT_LENGTH; index++) {
            char c = uid.charAt(index);
            boolean dash = index == 8 || index == 13 || index == UUID_HALF_END || index == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The hex digits of a canonical UUID from {@code begin} to {@code end}, dashes skipped: one half's 64 bits. */
    private static long hexBits(String uuid, int begin, int end) {
        long bits = 0;
        for (int index = begin; index < end; index++) {
            char c = uuid.charAt(index);
            if (c != '-') {
                bits = bits << 4 | Character.digit(c, 16);
            }
        }
        return bits;
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
