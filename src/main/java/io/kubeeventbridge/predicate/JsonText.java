package io.kubeeventbridge.predicate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON text read without decoding it: where each value begins and ends, the members of an object and the elements
 * of an array, as ranges of its bytes. Comparing and hashing states of an object then costs a scan of their bytes
 * instead of a tree of nodes for each; a value is decoded, as a tree would hold it, only where it is asked for. The
 * text must be valid JSON, as the cache's encodings are.
 */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** What a value is, told by its first byte. */
    enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL;

        boolean isContainer() {
            return this == OBJECT || this == ARRAY;
        }
    }

    /**
     * The bytes {@code [start, end)} of one value.
     *
     * @param container of an object or array, its place among the text's in the order they begin ({@link
     *     ContainerIndex}), so that what the index knows of it is read without a search; -1 for any other value
     */
    record Range(int start, int end, int container) {}

    /**
     * A member of an object: its key's text, quotes included, and its value. A key whose text is {@link
     * ContainerIndex#isPlainString plain} is that text without its quotes, and plain keys compare as their bytes do.
     */
    record Member(Range key, boolean plainKey, Range value) {}

    private final byte[] bytes;
    private final ContainerIndex containers;

    private JsonText(byte[] bytes, ContainerIndex containers) {
        this.bytes = bytes;
        this.containers = containers;
    }

    /** A text to compare with another. */
    static JsonText of(byte[] bytes) {
        return new JsonText(bytes, new ContainerIndex(bytes, false));
    }

    /**
     * A text to compare with {@code similar}, such as another state of the same object: read only where its bytes
     * differ from {@code similar}'s ({@link AlignedScan}).
     */
    static JsonText like(byte[] bytes, JsonText similar) {
        return new JsonText(bytes, AlignedScan.index(bytes, similar.bytes, similar.containers));
    }

    /** A text to write canonically: which of its containers are canonical already is found in the same scan. */
    static JsonText withCanonicalContainers(byte[] bytes) {
        return new JsonText(bytes, new ContainerIndex(bytes, true));
    }

    /** The text's length in bytes. */
    int length() {
        return bytes.length;
    }

    /** The whole text's value. */
    Range root() {
        return value(skipSpace(0), 0);
    }

    Kind kind(Range value) {
        return switch (bytes[value.start()]) {
            case '{' -> Kind.OBJECT;
            case '[' -> Kind.ARRAY;
            case '"' -> Kind.STRING;
            case 't', 'f' -> Kind.BOOLEAN;
            case 'n' -> Kind.NULL;
            default -> Kind.NUMBER;
        };
    }

    /** Whether {@code value} is written exactly as {@code otherValue} of {@code other}: then they are equal. */
    boolean sameBytes(Range value, JsonText other, Range otherValue) {
        return Arrays.equals(bytes, value.start(), value.end(), other.bytes, otherValue.start(), otherValue.end());
    }

    /**
     * The members of an object in the order written, a repeated key as often as it is written ({@link MemberOrder}
     * puts them in key order).
     *
     * @param object a value of kind {@link Kind#OBJECT}
     */
    List<Member> members(Range object) {
        List<Member> members = new ArrayList<>();
        int nextContainer = object.container() + 1;
        int at = skipSpace(object.start() + 1);
        while (bytes[at] != '}') {
            int keyEnd = ContainerIndex.plainStringEnd(bytes, at);
            boolean plain = keyEnd > 0;
            if (!plain) {
                keyEnd = ContainerIndex.stringEnd(bytes, at);
            }
            Range value = value(skipSpace(skipSpace(keyEnd) + 1), nextContainer);
            members.add(new Member(new Range(at, keyEnd, -1), plain, value));
            nextContainer = following(value, nextContainer);
            at = skipSeparator(value.end());
        }
        return members;
    }

    /** {@code member}'s key, decoded. */
    String key(Member member) {
        return key(member.key().start(), member.key().end());
    }

    /**
     * Whether {@code member}'s key and {@code otherMember}'s of {@code other}, both plain, are the same: a comparison of
     * their bytes.
     */
    boolean samePlainKey(Member member, JsonText other, Member otherMember) {
        return member.plainKey() && otherMember.plainKey() && comparePlain(member.key(), other, otherMember.key()) == 0;
    }

    /**
     * The order of {@code member}'s key and {@code otherMember}'s of {@code other}, as {@link String#compareTo} orders
     * them decoded: of plain keys, their bytes' order.
     */
    int compareKeys(Member member, JsonText other, Member otherMember) {
        if (member.plainKey() && otherMember.plainKey()) {
            return comparePlain(member.key(), other, otherMember.key());
        }
        return key(member).compareTo(other.key(otherMember));
    }

    /**
     * The order of two plain keys, quotes included, by hand: keys are short and mostly differ in their first bytes or
     * their lengths, where a call of {@link Arrays#compare} costs more than the comparison.
     */
    private int comparePlain(Range key, JsonText other, Range otherKey) {
        int length = key.end() - key.start();
        int otherLength = otherKey.end() - otherKey.start();
        int inner = Math.min(length, otherLength) - 1;
        for (int offset = 1; offset < inner; offset++) {
            int order = bytes[key.start() + offset] - other.bytes[otherKey.start() + offset];
            if (order != 0) {
                return order;
            }
        }
        return length - otherLength;
    }

    /** @param array a value of kind {@link Kind#ARRAY} */
    List<Range> elements(Range array) {
        List<Range> elements = new ArrayList<>();
        int nextContainer = array.container() + 1;
        int at = skipSpace(array.start() + 1);
        while (bytes[at] != ']') {
            Range element = value(at, nextContainer);
            elements.add(element);
            nextContainer = following(element, nextContainer);
            at = skipSeparator(element.end());
        }
        return elements;
    }

    /** {@code value} decoded, as a tree of the whole text holds it. */
    JsonNode decode(Range value) {
        return JSON.readTree(bytes, value.start(), value.end() - value.start());
    }

    /** Appends {@code value}'s bytes as they are to {@code target} at {@code offset}. */
    void copy(Range value, byte[] target, int offset) {
        System.arraycopy(bytes, value.start(), target, offset, value.end() - value.start());
    }

    /** Whether {@code value}, an object or array, is written as its canonical text already ({@link ContainerIndex}). */
    boolean isCanonical(Range value) {
        return containers.isCanonical(value.container());
    }

    /** Whether {@code value}, a string, is {@link ContainerIndex#isPlainString plain}. */
    boolean isPlainString(Range value) {
        return ContainerIndex.isPlainString(bytes, value.start(), value.end());
    }

    /** Whether {@code value}, a number, is a {@link ContainerIndex#isPlainInteger plain integer}. */
    boolean isPlainInteger(Range value) {
        return ContainerIndex.isPlainInteger(bytes, value.start(), value.end());
    }

    /** Whether {@code value}, a string, holds no escape: then its text is its value, in UTF-8. */
    boolean isUnescaped(Range value) {
        return isUnescaped(value.start(), value.end());
    }

    /** The key whose quoted text is {@code [start, end)}: decoded by hand unless it holds an escape. */
    private String key(int start, int end) {
        return isUnescaped(start, end)
                ? new String(bytes, start + 1, end - start - 2, StandardCharsets.UTF_8)
                : JSON.readValue(bytes, start, end - start, String.class);
    }

    private boolean isUnescaped(int start, int end) {
        for (int index = start + 1; index < end - 1; index++) {
            if (bytes[index] == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * The value that begins at {@code start}.
     *
     * @param nextContainer the place of the first object or array to begin at or after {@code start}: the value's, if
     *     it is one
     */
    private Range value(int start, int nextContainer) {
        byte first = bytes[start];
        if (first == '{' || first == '[') {
            return new Range(start, containers.endOf(nextContainer), nextContainer);
        }
        if (first == '"') {
            return new Range(start, ContainerIndex.stringEnd(bytes, start), -1);
        }
        int at = start + 1;
        while (at < bytes.length && !endsScalar(bytes[at])) {
            at++;
        }
        return new Range(start, at, -1);
    }

    /**
     * The place of the first object or array to begin after {@code value}, which begins where the {@code next}th does
     * or before it.
     */
    private int following(Range value, int next) {
        return value.container() < 0 ? next : containers.following(value.container());
    }

    /** Past the comma after a member or element, if there is one, and the whitespace around it. */
    private int skipSeparator(int at) {
        int next = skipSpace(at);
        return bytes[next] == ',' ? skipSpace(next + 1) : next;
    }

    private int skipSpace(int at) {
        while (at < bytes.length && isSpace(bytes[at])) {
            at++;
        }
        return at;
    }

    static boolean endsScalar(byte current) {
        return current == ',' || current == '}' || current == ']' || isSpace(current);
    }

    static boolean isSpace(byte current) {
        return current == ' ' || current == '\n' || current == '\r' || current == '\t';
    }
}
