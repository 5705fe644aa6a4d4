package io.kubeeventbridge.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.bench.Workload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerIndexTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"a\":[1,{\"b\":2}],\"c\":{}}",
                "[[[]],[],{\"a\":[{}]}]",
                "{ \"a\" : [ { } , [ ] ] , \"b\" : \"{[\" }",
            })
    void eachContainerKnowsTheFirstToBeginAfterItEnds(String text) {
        assertFollowingAsTheirPositionsSay(new ContainerIndex(bytes(text), true));
    }

    @Test
    void eachContainerOfAPodKnowsTheFirstToBeginAfterItEnds() {
        Workload workload = new Workload(3);
        for (int index = 0; index < 20; index++) {
            assertFollowingAsTheirPositionsSay(new ContainerIndex(workload.nextJson(index, 3, true), true));
        }
    }

    /**
     * Which containers are canonical, in the order they begin: one not canonical, by a key out of order or a string or
     * number written otherwise, still has canonical ones within it, whatever comes after.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":{\"x\":\"y\"},\"b\":[1,\"z\"]}                 | true true true",
                "{\"b\":1,\"a\":{\"x\":\"y\",\"z\":\"w\"},\"c\":{\"y\":1,\"x\":2}} | false true false",
                "{\"b\":\"\\u0041\",\"a\":[\"x\"],\"c\":\"\\n\"}        | false true",
                "{\"a\":\"\\n\",\"b\":{\"c\":\"d\"},\"a\":1}               | false true",
                "[{\"z\":1,\"y\":[\"é\",{\"q\":\"r\"}]},{\"a\":1.5},{}]      | false false false true false false",
                "{\"a\":1,\"a\":2,\"b\":{\"c\":1}}                       | false true",
            })
    void findsWhichContainersAreCanonical(String text, String expected) {
        ContainerIndex index = new ContainerIndex(bytes(text), true);

        List<Boolean> canonical = new ArrayList<>();
        for (int container = 0; container < index.count(); container++) {
            canonical.add(index.isCanonical(container));
        }
        assertThat(canonical)
                .isEqualTo(
                        Arrays.stream(expected.split(" ")).map(Boolean::valueOf).toList());
    }

    /** Far more containers than a text of its length mostly holds: the index grows to hold them all. */
    @Test
    void findsEveryContainerOfATextOfSmallOnes() {
        String text = "[" + "[],".repeat(999) + "{}]";

        ContainerIndex index = new ContainerIndex(bytes(text), true);

        assertThat(index.count()).isEqualTo(1001);
        assertThat(List.of(index.startOf(1000), index.endOf(1000), index.following(1000)))
                .containsExactly(text.length() - 3, text.length() - 1, 1001);
        assertThat(index.following(0)).isEqualTo(1001);
        assertFollowingAsTheirPositionsSay(index);
    }

    /** The first container to begin at or after each one's end, or the count where none does. */
    private static void assertFollowingAsTheirPositionsSay(ContainerIndex index) {
        List<Integer> expected = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        for (int container = 0; container < index.count(); container++) {
            int next = container + 1;
            while (next < index.count() && index.startOf(next) < index.endOf(container)) {
                next++;
            }
            expected.add(next);
            found.add(index.following(container));
        }
        assertThat(found).isEqualTo(expected);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
