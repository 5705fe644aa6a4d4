package io.kubeeventbridge.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.bench.Workload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentFingerprintTest {

    private static final IgnoredPaths IGNORING_BEATS =
            new IgnoredPaths(List.of(PointerPattern.parse("/status/conditions/*/lastHeartbeatTime")));

    /** Exactly where the comparison finds no difference, the fingerprints are equal. */
    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1}                               | {\"a\":2}",
                "{\"a\":1}                               | {\"a\":1.0}",
                "{\"a\":\"1\"}                           | {\"a\":1}",
                "{\"b\":1,\"a\":{\"y\":2,\"x\":3}}      | {\"a\":{\"x\":3,\"y\":2},\"b\":1}",
                "{\"a\":null}                            | {}",
                "{\"a\":[1,2]}                           | {\"a\":[2,1]}",
                "{\"a\":{\"b\":1}}                       | {\"a\":{\"b\":1,\"c\":null}}",
                "{\"metadata\":{\"resourceVersion\":\"1\"}} | {\"metadata\":{\"resourceVersion\":\"2\"}}",
                "{\"metadata\":{\"managedFields\":[1]}}  | {\"metadata\":{}}",
                "{\"status\":{\"conditions\":[{\"lastHeartbeatTime\":1,\"type\":\"A\"}]}} "
                        + "| {\"status\":{\"conditions\":[{\"type\":\"A\",\"lastHeartbeatTime\":2}]}}",
                "{\"status\":{\"conditions\":[{\"type\":\"A\"}]}} "
                        + "| {\"status\":{\"conditions\":[{\"type\":\"B\",\"lastHeartbeatTime\":2}]}}",
                "{\"status\":{\"conditions\":[{\"type\":\"A\"}]}} "
                        + "| {\"status\":{\"conditions\":[{\"type\":\"A\",\"lastHeartbeatTime\":2}]}}",
                "{\"metadata\":{\"name\":\"a\"}}      | {\"metadata\":{\"name\":\"a\",\"annotations\":{}}}",
                "{}                                      | {\"a\":{\"b\":{}}}",
                "{}                                      | {\"a\":{\"b\":null}}",
                "{}                                      | {\"a\":[]}",
                "{\"a\":[{}]}                            | {\"a\":[]}",
                "{\"a\":1,\"b\":2,\"a\":3}              | {\"b\":2,\"a\":3}",
                "{\"a\":1,\"b\":2}                     | {\"\\u0062\":2,\"a\":1}",
                "{\"a\":1,\"b\":2}                     | {\"a\":1,\"\\u0062\":3}",
                "{\"status\":{\"conditions\":[{\"lastHeartbeatTime\":1}]}} | {\"status\":{\"conditions\":[{}]}}",
            })
    void fingerprintsAreEqualExactlyWhereNothingThatCountsChanged(String before, String after) {
        boolean unchanged = new ContentDiff(IGNORING_BEATS)
                .changed(text(json(before)), text(json(after)))
                .isEmpty();

        assertThat(fingerprint(before) == fingerprint(after)).isEqualTo(unchanged);
    }

    /** Exactly where the comparison finds no difference, the fingerprints are equal, with array elements ignored. */
    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[1,2,3] | [1,9,3]",
                "[1,2,3] | [1,3]",
                "[1,2]   | [1]",
                "[1,2]   | [1,null]",
                "[1]     | [1,2,3]",
            })
    void fingerprintsAreEqualExactlyWhereNothingThatCountsChangedWithAnElementIgnored(String before, String after) {
        IgnoredPaths ignoringSecond = new IgnoredPaths(List.of(PointerPattern.parse("/a/1")));
        byte[] beforeState = json("{\"a\":" + before + "}");
        byte[] afterState = json("{\"a\":" + after + "}");
        ContentFingerprint fingerprint = new ContentFingerprint(ignoringSecond);

        assertThat(fingerprint.of(beforeState) == fingerprint.of(afterState))
                .isEqualTo(new ContentDiff(ignoringSecond)
                        .changed(text(beforeState), text(afterState))
                        .isEmpty());
    }

    @Test
    void theFirstIgnoredKeyOfAMapIsNoChange() {
        IgnoredPaths ignoringBeat = new IgnoredPaths(List.of(PointerPattern.parse("/metadata/annotations/beat")));
        byte[] before = json("{\"metadata\":{\"name\":\"a\"}}");
        byte[] after = json("{\"metadata\":{\"name\":\"a\",\"annotations\":{\"beat\":\"1\"}}}");

        assertThat(new ContentDiff(ignoringBeat).changed(text(before), text(after)))
                .isEmpty();
        assertThat(new ContentFingerprint(ignoringBeat).of(before))
                .isEqualTo(new ContentFingerprint(ignoringBeat).of(after));
    }

    /**
     * XXH64 of the canonical text, pinned: checkpoints outlive versions of the bridge, and a new canonical form would
     * make every object look changed after an upgrade.
     */
    @Test
    void theFingerprintIsTheHashOfTheCanonicalTextPinned() {
        String canonical = "{\"data\":{\"a\":\"1\",\"b\":\"2\"},\"kind\":\"ConfigMap\",\"n\":[1,2.5,true,null]}";
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);

        assertThat(fingerprint("{\"kind\":\"ConfigMap\",\"data\":{\"b\":\"2\",\"a\":\"1\"},\"n\":[1,2.5,true,null]}"))
                .isEqualTo(XXHashFactory.fastestJavaInstance().hash64().hash(bytes, 0, bytes.length, 0))
                .isEqualTo(7671785868422555740L);
    }

    /**
     * The fingerprints of realistic states pinned, nothing ignored and parts ignored, as computed when checkpoints
     * first held them: every way of writing the canonical text from the state's text must keep them.
     */
    @Test
    void theFingerprintsOfPodsAndADeploymentArePinned() {
        Workload workload = new Workload(7);
        ContentFingerprint everything = new ContentFingerprint(new IgnoredPaths(List.of()));
        ContentFingerprint withoutStatus = new ContentFingerprint(new IgnoredPaths(
                List.of(PointerPattern.parse("/status"), PointerPattern.parse("/spec/containers/*/env/1"))));
        long[][] pinned = {
            {-2958533281316480313L, 8622906420417458033L},
            {4711434511433657632L, 6305826253304647753L},
            {-3577774763669795340L, -7169709026831266595L},
            {-5876851961993948150L, 7169307417740216303L}, // a deployment
        };

        for (int index = 0; index < pinned.length; index++) {
            byte[] state = workload.nextJson(index, 3, true);
            assertThat(new long[] {everything.of(state), withoutStatus.of(state)})
                    .as("object %d", index)
                    .containsExactly(pinned[index]);
        }
    }

    /**
     * A thread writes each canonical text over its last one: what a larger one left beyond the end, or a state too
     * large for the buffer to be kept, changes no fingerprint.
     */
    @Test
    void aFingerprintIsTheSameWhateverTheThreadFingerprintedBefore() throws InterruptedException {
        String small = "{\"kind\":\"ConfigMap\",\"data\":{\"b\":\"2\",\"a\":\"1\"}}";
        String large = "{\"data\":{\"z\":\"" + "x".repeat(1_000) + "\"}}";
        String huge = "{\"data\":{\"y\":\"" + "w".repeat(100_000) + "\"}}";
        long[] alone = new long[3];
        Thread fresh = new Thread(() -> {
            alone[0] = fingerprint(small);
            alone[1] = fingerprint(large);
            alone[2] = fingerprint(huge);
        });
        fresh.start();
        fresh.join();

        assertThat(new long[] {fingerprint(huge), fingerprint(large), fingerprint(small), fingerprint(huge)})
                .containsExactly(alone[2], alone[1], alone[0], alone[2]);
        assertThat(new long[] {fingerprint(small), fingerprint(large), fingerprint(small)})
                .containsExactly(alone[0], alone[1], alone[0]);
    }

    private static long fingerprint(String state) {
        return new ContentFingerprint(IGNORING_BEATS).of(json(state));
    }

    private static JsonText text(byte[] json) {
        return JsonText.of(json);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
