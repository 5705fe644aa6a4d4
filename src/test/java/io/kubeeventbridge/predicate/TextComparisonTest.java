package io.kubeeventbridge.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.bench.Workload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comparison and the fingerprint read the states' texts; they must give exactly what the tree-based ones gave
 * ({@link TreeDiff}, {@link TreeFingerprint}): the same changed paths, and the same fingerprint values, which
 * checkpoints already written hold. Pods and deployments of 2–8 KB with random changes, written in the ways JSON allows.
 */
class TextComparisonTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int PODS = 100;

    static Stream<List<String>> ignoreChanges() {
        return Stream.of(
                List.of(),
                List.of("/status"),
                List.of("/metadata/annotations/*", "/spec/containers/*/env/1"),
                List.of("/spec/containers/0", "/status/conditions/*/lastTransitionTime"));
    }

    @ParameterizedTest
    @MethodSource("ignoreChanges")
    void theTextsGiveTheChangedPathsAndFingerprintsOfTheirTrees(List<String> ignoreChanges) {
        IgnoredPaths ignored = new IgnoredPaths(
                ignoreChanges.stream().map(PointerPattern::parse).toList());
        Workload workload = new Workload(11);
        JsonVariants variants = new JsonVariants(ignoreChanges.size());
        for (int index = 0; index < PODS; index++) {
            JsonNode before = JSON.readTree(workload.nextJson(index, 3, true));
            // Now and then the same state, only written otherwise: no change, one fingerprint.
            JsonNode after = index % 5 == 0 ? before : variants.changed(before);
            byte[] beforeText = bytes(variants.text(before));
            byte[] afterText = bytes(variants.text(after));

            // As the predicate does: the new state's text, indexed once, leads the old one's index, is compared and
            // then fingerprinted.
            JsonText afterState = JsonText.withCanonicalContainers(afterText);
            var changed = new ContentDiff(ignored).changed(JsonText.like(beforeText, afterState), afterState);

            assertThat(changed)
                    .as(
                            "%s%nagainst%n%s",
                            new String(beforeText, StandardCharsets.UTF_8),
                            new String(afterText, StandardCharsets.UTF_8))
                    .isEqualTo(new TreeDiff(ignored).changed(JSON.readTree(beforeText), JSON.readTree(afterText)));
            long fingerprint = new ContentFingerprint(ignored).of(afterState);
            assertThat(fingerprint).isEqualTo(new TreeFingerprint(ignored).of(JSON.readTree(afterText)));
            assertThat(fingerprint == new ContentFingerprint(ignored).of(beforeText))
                    .as("one fingerprint exactly where nothing that counts changed")
                    .isEqualTo(changed.isEmpty());
        }
    }

    /**
     * Both texts written with the same choices (key order, repeated keys, escapes, whitespace) until their trees part,
     * as one encoder writes two states: the members pair as written, repeated keys and all.
     */
    @ParameterizedTest
    @MethodSource("ignoreChanges")
    void textsWrittenAlikeGiveTheChangedPathsOfTheirTrees(List<String> ignoreChanges) {
        IgnoredPaths ignored = new IgnoredPaths(
                ignoreChanges.stream().map(PointerPattern::parse).toList());
        Workload workload = new Workload(13);
        JsonVariants changes = new JsonVariants(ignoreChanges.size());
        for (int index = 0; index < PODS; index++) {
            JsonNode before = JSON.readTree(workload.nextJson(index, 3, true));
            JsonNode after = changes.changed(before);
            byte[] beforeText = bytes(new JsonVariants(index).text(before));
            byte[] afterText = bytes(new JsonVariants(index).text(after));

            JsonText afterState = JsonText.withCanonicalContainers(afterText);
            assertThat(new ContentDiff(ignored).changed(JsonText.like(beforeText, afterState), afterState))
                    .as(
                            "%s%nagainst%n%s",
                            new String(beforeText, StandardCharsets.UTF_8),
                            new String(afterText, StandardCharsets.UTF_8))
                    .isEqualTo(new TreeDiff(ignored).changed(JSON.readTree(beforeText), JSON.readTree(afterText)));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
