package io.kubeeventbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checkpoint topic's record format, byte for byte. These bytes are on existing topics: a test here that fails
 * means a restart after the change would publish everything again. Add a format instead of changing one.
 */
class CheckpointRecordsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final CheckpointScope DEPLOYMENTS =
            new CheckpointScope("k8s.apps.deployment", "apps", "v1", "deployments");
    private static final CheckpointScope PODS = new CheckpointScope("k8s.core.pod", "", "v1", "pods");
    private static final String UID = "6a1f2c3d-0b4e-4f5a-9c8d-7e6f5a4b3c2d";

    @Test
    void keyIsFormatThenTopicGroupVersionResourceAndObject() {
        assertThat(hex(CheckpointRecords.key(new CheckpointKey(DEPLOYMENTS, "shop/web"))))
                .isEqualTo(
                        "01" // format
                                + "13" + "6b38732e617070732e6465706c6f796d656e74" // "k8s.apps.deployment"
                                + "04" + "61707073" // "apps"
                                + "02" + "7631" // "v1"
                                + "0b" + "6465706c6f796d656e7473" // "deployments"
                                + "08" + "73686f702f776562"); // "shop/web"
    }

    @Test
    void coreGroupIsTheEmptyString() {
        assertThat(hex(CheckpointRecords.key(new CheckpointKey(PODS, "web-1"))))
                .isEqualTo("01" + "0c" + "6b38732e636f72652e706f64" + "00" + "02" + "7631" + "04" + "706f6473" + "05"
                        + "7765622d31");
    }

    @Test
    void lengthsFrom128BytesOnTakeTwoVarintBytes() {
        byte[] key = CheckpointRecords.key(new CheckpointKey(PODS, "shop/" + "p".repeat(195)));

        assertThat(hex(key)).endsWith("c801" + "73686f702f" + "70".repeat(195));
    }

    @Test
    void valueIsFormatFlagsUuidAsSixteenBytesResourceVersionAndFingerprint() {
        Checkpoint checkpoint = new Checkpoint(UID, "1042", OptionalLong.of(0x0123456789abcdefL));

        assertThat(hex(CheckpointRecords.value(checkpoint)))
                .isEqualTo(
                        "01" // format
                                + "03" // flags: uid is a UUID, fingerprint present
                                + "6a1f2c3d0b4e4f5a9c8d7e6f5a4b3c2d" // uid
                                + "04" + "31303432" // "1042"
                                + "0123456789abcdef"); // fingerprint
    }

    @Test
    void valueOfAUidThatIsNoCanonicalUuidAndWithoutFingerprintKeepsTheUidAsAString() {
        Checkpoint checkpoint = new Checkpoint(UID.toUpperCase(), "7");

        assertThat(hex(CheckpointRecords.value(checkpoint)))
                .isEqualTo("01" + "00" + "24" + hex(UID.toUpperCase().getBytes(StandardCharsets.UTF_8)) + "01" + "37");
    }

    @Test
    void legacyRecordsAreReadAsTheirResourceWithoutTopic() {
        CheckpointKey key = CheckpointRecords.readKey(utf8("apps/v1/deployments|shop/web"));
        CheckpointKey coreKey = CheckpointRecords.readKey(utf8("v1/pods|web-1"));

        assertThat(key).isEqualTo(new CheckpointKey(DEPLOYMENTS.legacy(), "shop/web"));
        assertThat(coreKey).isEqualTo(new CheckpointKey(PODS.legacy(), "web-1"));
        assertThat(CheckpointRecords.readValue(utf8(UID + "/1042"))).isEqualTo(new Checkpoint(UID, "1042"));
    }

    @Test
    void legacyKeyIsWrittenAsItWasToRetireIt() {
        assertThat(new String(
                        CheckpointRecords.key(new CheckpointKey(DEPLOYMENTS.legacy(), "shop/web")),
                        StandardCharsets.UTF_8))
                .isEqualTo("apps/v1/deployments|shop/web");
        assertThat(new String(CheckpointRecords.key(new CheckpointKey(PODS.legacy(), "web-1")), StandardCharsets.UTF_8))
                .isEqualTo("v1/pods|web-1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "6a1f2c3d-0b4e-4f5a-9c8d-7e6f5a4b3c2", // one digit short
                "6a1f2c3d-0b4e-4f5a-9c8d-7e6f5a4b3c2dd", // one digit more
                "6a1f2c3d0-b4e-4f5a-9c8d-7e6f5a4b3c2d", // a dash out of place
                "6a1f2c3d-0b4e-4f5a-9c8d-7e6f5a4b3c2g", // no hex digit
                "6a1f2c3d-0b4e-4f5a-9c8d-7e6f5a4B3c2d" // upper case
            })
    void aUidThatIsAlmostACanonicalUuidStaysAString(String uid) {
        byte[] value = CheckpointRecords.value(new Checkpoint(uid, "7"));

        assertThat(value[1]).as("flags").isZero();
        assertThat(CheckpointRecords.readValue(value).uid()).isEqualTo(uid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", UID})
    void aCanonicalUuidIsWrittenAsItsSixteenBytesAndReadBack(String uid) {
        byte[] value = CheckpointRecords.value(new Checkpoint(uid, "7"));

        assertThat(hex(value)).isEqualTo("01" + "01" + uid.replace("-", "") + "01" + "37");
        assertThat(CheckpointRecords.readValue(value).uid()).isEqualTo(uid);
    }

    static Stream<Arguments> recordsReadBack() {
        return Stream.of(
                Arguments.of(
                        new CheckpointKey(DEPLOYMENTS, "shop/web"), new Checkpoint(UID, "1042", OptionalLong.of(-1))),
                Arguments.of(new CheckpointKey(PODS, "ünïcødé"), new Checkpoint("uid-1", "9", OptionalLong.empty())),
                Arguments.of(new CheckpointKey(PODS, "x".repeat(300)), new Checkpoint(UID, "", OptionalLong.of(0))));
    }

    @ParameterizedTest
    @MethodSource("recordsReadBack")
    void whatIsWrittenIsReadBack(CheckpointKey key, Checkpoint checkpoint) {
        assertThat(CheckpointRecords.readKey(CheckpointRecords.key(key))).isEqualTo(key);
        assertThat(CheckpointRecords.readValue(CheckpointRecords.value(checkpoint)))
                .isEqualTo(checkpoint);
    }

    static Stream<Arguments> unreadableKeys() {
        byte[] valid = CheckpointRecords.key(new CheckpointKey(PODS, "web-1"));
        byte[] truncated = Arrays.copyOf(valid, valid.length - 1);
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] newerFormat = valid.clone();
        newerFormat[0] = 2;
        return Stream.of(
                Arguments.of("no separator", utf8("garbage-key")),
                Arguments.of("empty", new byte[0]),
                Arguments.of("no object", utf8("v1/pods|")),
                Arguments.of("no resource", utf8("v1|web-1")),
                Arguments.of("too many segments", utf8("a/b/v1/pods|web-1")),
                Arguments.of("no UTF-8", HEX.parseHex("c328")),
                Arguments.of("format 1, cut short", truncated),
                Arguments.of("format 1, bytes after the end", trailing),
                Arguments.of(
                        "format 1, empty topic", HEX.parseHex("01" + "00" + "00" + "027631" + "04706f6473" + "0161")),
                Arguments.of("a format this version does not know", newerFormat));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableKeys")
    void unreadableKeyIsRejected(String problem, byte[] key) {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckpointRecords.readKey(key));
    }

    static Stream<Arguments> unreadableValues() {
        byte[] valid = CheckpointRecords.value(new Checkpoint(UID, "1042", OptionalLong.of(7)));
        byte[] unknownFlags = valid.clone();
        unknownFlags[1] = 0x07;
        return Stream.of(
                Arguments.of("no separator", utf8("x")),
                Arguments.of("no resourceVersion", utf8("uid/")),
                Arguments.of("empty", new byte[0]),
                Arguments.of("format 1, cut short", Arrays.copyOf(valid, valid.length - 1)),
                Arguments.of("format 1, unknown flags", unknownFlags));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableValues")
    void unreadableValueIsRejected(String problem, byte[] value) {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckpointRecords.readValue(value));
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
