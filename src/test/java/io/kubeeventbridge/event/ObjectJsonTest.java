package io.kubeeventbridge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.kubeeventbridge.bench.Workload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The encoder against databind, byte for byte: every object must come out exactly as EventNormaliser wrote it
 * before the encoder existed, which {@link #databind} reproduces.
 */
class ObjectJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> normalisationCases() {
        return NormalisationCases.cases().map(c -> Arguments.of(c.description(), c.type(), c.object()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalisationCases")
    void encodesEveryObjectOfTheContractAsDatabindDid(
            String description, ResourceType type, GenericKubernetesResource object) {
        assertSameBytes(object, apiVersionOrElse(object, type.apiVersion()), kindOrElse(object, type.kind()));
    }

    @Test
    void encodesTheBenchmarkPodsAndDeploymentsAsDatabindDid() {
        Workload workload = new Workload(7);
        IntStream.range(0, 400)
                .mapToObj(index -> Workload.decode(workload.nextJson(index, 10, true)))
                .forEach(object -> assertSameBytes(object, object.getApiVersion(), object.getKind()));
    }

    @Test
    void encodesAnObjectMuchLargerThanTheGeneratorsBufferAsDatabindDid() {
        Map<String, Object> data = new LinkedHashMap<>();
        IntStream.range(0, 5_000).forEach(index -> data.put("key-" + index, "value " + index + " ".repeat(index % 40)));
        GenericKubernetesResource object = widget(ordered("data", data));

        assertThat(ObjectJson.encode(object, "v1", "ConfigMap")).hasSizeGreaterThan(100_000);
        assertSameBytes(object, "v1", "ConfigMap");
    }

    static Stream<Arguments> unusualValues() {
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("gone", null);
        List<Object> nullElement = new ArrayList<>(Arrays.asList("a", null, "b"));
        Map<Object, Object> nonStringKeys = new LinkedHashMap<>();
        nonStringKeys.put(1, "one");
        nonStringKeys.put(Operation.DELETED, "enum");
        nonStringKeys.put(2.5, "double");
        Map<Object, Object> stringKeysThenOthers = new LinkedHashMap<>();
        stringKeysThenOthers.put("plain", List.of("a", Map.of("deep", 1)));
        stringKeysThenOthers.put(7, "seven");
        return Stream.of(
                Arguments.of("null inside a map", fields("spec", nullValue)),
                Arguments.of("null inside a list", fields("spec", Map.of("items", nullElement))),
                Arguments.of("null as a top-level field", fields("spec", null)),
                Arguments.of(
                        "numbers as code puts them",
                        fields(
                                "spec",
                                ordered(
                                        "int",
                                        3,
                                        "long",
                                        3_000_000_000L,
                                        "bigInteger",
                                        new BigInteger("123456789012345678901234567890"),
                                        "double",
                                        0.25,
                                        "bigDecimal",
                                        new BigDecimal("1.50"),
                                        "float",
                                        1.5f,
                                        "short",
                                        (short) 7,
                                        "notANumber",
                                        Double.NaN))),
                Arguments.of("booleans", fields("spec", ordered("on", true, "off", false))),
                Arguments.of(
                        "nested empty maps and lists",
                        fields(
                                "spec",
                                ordered("map", Map.of(), "list", List.of(), "nested", List.of(List.of(), Map.of())))),
                Arguments.of(
                        "unicode and escaping",
                        fields(
                                "data",
                                ordered(
                                        "unicode", "héllo 日本 😀",
                                        "controls", "a\u0000b\u0001\u001f\n\t\r\b\f",
                                        "quotes", "\"\\/</script>",
                                        "latin1", "\u007f\u0080\u00ff\u2028",
                                        "loneSurrogate", "x\ud800y"))),
                Arguments.of(
                        "long strings, plain and with what needs escaping last",
                        fields(
                                "data",
                                ordered(
                                        "plain",
                                        "p".repeat(10_000),
                                        "quoteLast",
                                        "q".repeat(300) + "\"",
                                        "unicodeLast",
                                        "u".repeat(1_000) + "é",
                                        "afterThem",
                                        "short"))),
                Arguments.of(
                        "keys that need escaping",
                        fields("data", ordered("quo\"te", "a", "ünï", "b", "tab\t", "c", "del\u007f", "d"))),
                Arguments.of("keys that are not strings", fields("spec", nonStringKeys)),
                Arguments.of(
                        "keys that are not strings after some that are",
                        fields("spec", ordered("first", "a", "nested", List.of(stringKeysThenOthers)))),
                Arguments.of(
                        "values of other types",
                        fields(
                                "spec",
                                ordered(
                                        "set",
                                        new LinkedHashSet<>(List.of("b", "a")),
                                        "array",
                                        new String[] {"x", "y"},
                                        "tree",
                                        JSON.readTree("{\"k\":[1,2.0,null]}"),
                                        "enum",
                                        Operation.UPDATED))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualValues")
    void encodesUnusualValuesAsDatabindDid(String description, GenericKubernetesResource object) {
        assertSameBytes(object, "example.com/v1", "Widget");
    }

    @Test
    void encodesNumbersAsFabric8DecodesThemAsDatabindDid() {
        GenericKubernetesResource object = Workload.decode("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"numbers"},
                 "spec":{"int":1,"long":2147483648,"big":123456789012345678901234567890,
                         "fraction":1.5,"whole":1.0,"tiny":1e-7,"huge":1e400,"negativeZero":-0.0}}
                """.getBytes(StandardCharsets.UTF_8));

        assertSameBytes(object, "v1", "ConfigMap");
    }

    @Test
    void objectWithoutMetadataHasNone() {
        GenericKubernetesResource object = widget(Map.of("spec", Map.of("size", 2)));
        object.setMetadata(null);

        assertThat(encode(object, "example.com/v1", "Widget"))
                .isEqualTo("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"spec\":{\"size\":2}}");
    }

    @Test
    void givenApiVersionAndKindComeFirstWhateverTheObjectHolds() {
        GenericKubernetesResource listItem = widget(Map.of("spec", Map.of("size", 2)));
        listItem.setApiVersion(null);
        listItem.setKind(null);

        assertThat(encode(listItem, "example.com/v1", "Widget"))
                .isEqualTo("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"blue\"},"
                        + "\"spec\":{\"size\":2}}");
    }

    @Test
    void additionalPropertiesNamedLikeTheTypeFieldsAreNotWrittenTwice() {
        GenericKubernetesResource object =
                widget(ordered("kind", "Gadget", "metadata", Map.of("name", "other"), "spec", Map.of("size", 2)));

        assertThat(encode(object, "example.com/v1", "Widget"))
                .isEqualTo("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"blue\"},"
                        + "\"spec\":{\"size\":2}}");
    }

    @Test
    void valueJacksonCannotWriteFails() {
        GenericKubernetesResource object = widget(Map.of("spec", new EventNormaliserTest.Unserialisable()));

        assertThatThrownBy(() -> ObjectJson.encode(object, "example.com/v1", "Widget"))
                .isInstanceOf(JacksonException.class);
    }

    private void assertSameBytes(GenericKubernetesResource object, String apiVersion, String kind) {
        byte[] expected = databind(object, apiVersion, kind);

        assertThat(ObjectJson.encode(object, apiVersion, kind))
                .as(() -> new String(expected, StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    /**
     * What EventNormaliser wrote before the encoder: databind's serialisation of the object, through a tree with
     * apiVersion and kind put first when the object did not hold the given ones.
     */
    private static byte[] databind(GenericKubernetesResource object, String apiVersion, String kind) {
        if (apiVersion.equals(object.getApiVersion()) && kind.equals(object.getKind())) {
            return JSON.writeValueAsBytes(object);
        }
        ObjectNode tree = JSON.valueToTree(object);
        ObjectNode typed = tree.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        tree.properties().forEach(property -> {
            if (!typed.has(property.getKey())) {
                typed.set(property.getKey(), property.getValue());
            }
        });
        return JSON.writeValueAsBytes(typed);
    }

    private String encode(GenericKubernetesResource object, String apiVersion, String kind) {
        return new String(ObjectJson.encode(object, apiVersion, kind), StandardCharsets.UTF_8);
    }

    private static GenericKubernetesResource fields(String name, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(name, value);
        return widget(fields);
    }

    private static GenericKubernetesResource widget(Map<String, Object> fields) {
        GenericKubernetesResource object = new GenericKubernetesResourceBuilder()
                .withApiVersion("example.com/v1")
                .withKind("Widget")
                .withNewMetadata()
                .withName("blue")
                .endMetadata()
                .build();
        object.getAdditionalProperties().putAll(fields);
        return object;
    }

    // Map.of has no order; these maps must keep theirs.
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String apiVersionOrElse(GenericKubernetesResource object, String fallback) {
        return object.getApiVersion() == null ? fallback : object.getApiVersion();
    }

    private static String kindOrElse(GenericKubernetesResource object, String fallback) {
        return object.getKind() == null ? fallback : object.getKind();
    }
}
