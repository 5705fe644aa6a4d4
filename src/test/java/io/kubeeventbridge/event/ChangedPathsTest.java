package io.kubeeventbridge.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangedPathsTest {

    @Test
    void pointersAreSortedCutAtDepthThreeAndListedOnce() {
        String changedPaths = ChangedPaths.of(List.of(
                "/spec/template/spec/containers/0/image",
                "/metadata/labels/app",
                "/spec/replicas",
                "/spec/template/metadata/labels/version",
                "/spec/template/spec/containers/1/image"));

        assertThat(changedPaths)
                .isEqualTo("/metadata/labels/app,/spec/replicas,/spec/template/metadata,/spec/template/spec");
    }

    @Test
    void atMostThirtyTwoPointersAreListedThenAnEllipsis() {
        String changedPaths = ChangedPaths.of(keys(100, 140));

        assertThat(changedPaths.split(",")).hasSize(33).endsWith("...");
        assertThat(changedPaths).startsWith("/data/key-100,/data/key-101,").contains("/data/key-131,...");
    }

    @Test
    void thirtyTwoPointersAreListedWithoutAnEllipsis() {
        assertThat(ChangedPaths.of(keys(100, 132))).doesNotContain("...");
    }

    @ParameterizedTest(name = "{0} and {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/spec/replicas         | /metadata/labels/app | /metadata/labels/app,/spec/replicas",
                "/spec/replicas         | /spec/replicas       | /spec/replicas",
                "/data/a~1b,c           | /data/d              | /data/a~1b,c,/data/d",
            })
    void twoUpdatesTakenAsOneListWhatChangedInEither(String older, String newer, String union) {
        assertThat(ChangedPaths.union(older, newer)).isEqualTo(union);
    }

    @Test
    void aUnionIsCutToThirtyTwoAgainAndStaysCutWhenEitherWas() {
        String older = ChangedPaths.of(keys(100, 140));
        String newer = ChangedPaths.of(List.of("/data/key-000"));

        String union = ChangedPaths.union(older, newer);

        assertThat(union.split(","))
                .hasSize(33)
                .startsWith("/data/key-000", "/data/key-100")
                .endsWith("...");
        assertThat(ChangedPaths.union(newer, ChangedPaths.of(keys(200, 240)))).endsWith("/data/key-230,...");
    }

    private static List<String> keys(int from, int to) {
        return IntStream.range(from, to).mapToObj(index -> "/data/key-" + index).toList();
    }
}
