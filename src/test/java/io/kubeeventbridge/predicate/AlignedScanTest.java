package io.kubeeventbridge.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.bench.Workload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An index led by a similar text's finds exactly the containers a scan of the text alone finds. */
class AlignedScanTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @ParameterizedTest(name = "{0} led by {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":[1,{\"b\":2}]}              | {\"a\":[1,{\"b\":2}]}",
                "{\"a\":[1,{\"b\":2}],\"c\":{}}     | {\"a\":[1,{\"b\":3}],\"c\":{}}",
                "{\"a\":[1,{\"b\":22}],\"c\":{}}    | {\"a\":[1,{\"b\":3}],\"c\":{}}",
                "{\"a\":\"x\",\"b\":[[]]}           | {\"a\":\"xyz\",\"b\":[[]]}",
                "{\"a\":{\"b\":1},\"c\":[2]}        | {\"a\":[\"b\",1],\"c\":[2]}",
                "{\"a\":{\"b\":1}}                  | {\"a\":{\"b\":1},\"c\":{\"d\":[]}}",
                "{\"a\":{\"b\":1},\"c\":{\"d\":[]}} | {\"a\":{\"b\":1}}",
                "{ \"a\" : { \"b\" : [ 1 ] } }      | {\"a\":{\"b\":[1]}}",
                "{\"a\":\"{[\",\"b\":{}}            | {\"a\":\"}]\",\"b\":{}}",
                "{\"a\":\"q\\\"{\",\"b\":{}}        | {\"a\":\"q\",\"b\":{}}",
                "{\"a\":true,\"b\":{}}              | {\"a\":null,\"b\":{}}",
                "[{},{\"a\":1},[]]                  | [{\"a\":1},{},[]]",
            })
    void findsTheContainersAScanFinds(String text, String similar) {
        assertFindsWhatAScanFinds(bytes(text), bytes(similar));
    }

    /** Pods and deployments against changed states of them, written in the ways JSON allows. */
    @Test
    void findsTheContainersAScanFindsInChangedStates() {
        Workload workload = new Workload(5);
        JsonVariants variants = new JsonVariants(5);
        for (int index = 0; index < 200; index++) {
            JsonNode state = JSON.readTree(workload.nextJson(index, 3, true));
            JsonNode changed = variants.changed(state);
            byte[] compact = JSON.writeValueAsBytes(state);
            List<byte[]> others = List.of(
                    JSON.writeValueAsBytes(changed), bytes(variants.text(changed)), bytes(variants.text(state)));
            for (byte[] other : others) {
                assertFindsWhatAScanFinds(compact, other);
                assertFindsWhatAScanFinds(other, compact);
            }
        }
    }

    private static void assertFindsWhatAScanFinds(byte[] text, byte[] similar) {
        ContainerIndex led = AlignedScan.index(text, similar, new ContainerIndex(similar, true));

        assertThat(containers(led))
                .as(
                        "%s led by %s",
                        new String(text, StandardCharsets.UTF_8), new String(similar, StandardCharsets.UTF_8))
                .isEqualTo(containers(new ContainerIndex(text, false)));
    }

    /** Each container's beginning and end, and the first to begin after it ends, in the order they begin. */
    private static List<List<Integer>> containers(ContainerIndex index) {
        List<List<Integer>> containers = new ArrayList<>();
        for (int container = 0; container < index.count(); container++) {
            containers.add(List.of(index.startOf(container), index.endOf(container), index.following(container)));
        }
        return containers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
