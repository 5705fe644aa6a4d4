package io.kubeeventbridge.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each rule of the payload policy, object in, object out, compared as whole JSON documents. */
class PayloadFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // RFC 4231, test case 7: a key longer than the block size, and its HMAC-SHA256 of this text.
    private static final byte[] RFC_4231_KEY = filled(131, (byte) 0xaa);
    private static final String RFC_4231_TEXT = "This is a test using a larger than block-size key and a larger than "
            + "block-size data. The key needs to be hashed before being used by the HMAC algorithm.";
    private static final String RFC_4231_HMAC =
            base64(HexFormat.of().parseHex("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));

    private static final String REDACTED_DATA = base64("<redacted>".getBytes(StandardCharsets.UTF_8));

    record Case(String name, PayloadFilter filter, String input, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        PayloadFilter secretRedacting = new PayloadFilter(true, List.of(), SecretMasker.redacting());
        PayloadFilter secretHashing = new PayloadFilter(true, List.of(), SecretMasker.hashing(RFC_4231_KEY));
        return Stream.of(
                new Case("managedFields dropped, the rest kept", new PayloadFilter(true, List.of(), null), """
                        {"apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": {"name": "c", "namespace": "n", "labels": {"a": "b"},
                                      "managedFields": [{"manager": "kubectl", "operation": "Update"}]},
                         "data": {"k": "v"}}""", """
                        {"apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": {"name": "c", "namespace": "n", "labels": {"a": "b"}},
                         "data": {"k": "v"}}"""),
                new Case(
                        "managedFields kept when not to be dropped",
                        new PayloadFilter(false, List.of(), null),
                        """
                        {"apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": {"name": "c", "namespace": "n",
                                      "managedFields": [{"manager": "kubectl", "operation": "Update"}]}}""",
                        """
                        {"apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": {"name": "c", "namespace": "n",
                                      "managedFields": [{"manager": "kubectl", "operation": "Update"}]}}"""),
                new Case(
                        "drop-paths into the body, an array element and an escaped annotation key",
                        new PayloadFilter(
                                false,
                                paths(
                                        "/status/conditions",
                                        "/spec/containers/1",
                                        "/metadata/annotations/example.com~1note",
                                        "/absent/entirely"),
                                null),
                        """
                        {"apiVersion": "v1", "kind": "Pod",
                         "metadata": {"name": "p", "namespace": "n",
                                      "annotations": {"example.com/note": "x", "keep": "y"}},
                         "spec": {"containers": [{"name": "main"}, {"name": "sidecar"}]},
                         "status": {"phase": "Running", "conditions": [{"type": "Ready"}]}}""",
                        """
                        {"apiVersion": "v1", "kind": "Pod",
                         "metadata": {"name": "p", "namespace": "n", "annotations": {"keep": "y"}},
                         "spec": {"containers": [{"name": "main"}]},
                         "status": {"phase": "Running"}}"""),
                new Case("a whole top-level field dropped", new PayloadFilter(false, paths("/status"), null), """
                        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "n"},
                         "status": {"phase": "Running"}}""", """
                        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "n"}}"""),
                new Case("Secret data and stringData redacted, keys kept", secretRedacting, """
                        {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
                         "metadata": {"name": "s", "namespace": "n", "labels": {"app": "db"}},
                         "data": {"password": "aHVudGVyMg==", "user": "YWRtaW4="},
                         "stringData": {"token": "plain-text"}}""", """
                        {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
                         "metadata": {"name": "s", "namespace": "n", "labels": {"app": "db"}},
                         "data": {"password": "%1$s", "user": "%1$s"},
                         "stringData": {"token": "<redacted>"}}""".formatted(
                                REDACTED_DATA)),
                new Case(
                        "Secret last-applied-configuration annotation removed, other annotations kept",
                        secretRedacting,
                        """
                        {"apiVersion": "v1", "kind": "Secret",
                         "metadata": {"name": "s", "namespace": "n",
                                      "annotations": {
                                        "kubectl.kubernetes.io/last-applied-configuration":
                                          "{\\"data\\":{\\"password\\":\\"aHVudGVyMg==\\"}}",
                                        "owner": "team-a"}},
                         "data": {"password": "aHVudGVyMg=="}}""",
                        """
                        {"apiVersion": "v1", "kind": "Secret",
                         "metadata": {"name": "s", "namespace": "n", "annotations": {"owner": "team-a"}},
                         "data": {"password": "%s"}}""".formatted(REDACTED_DATA)),
                new Case("Secret without values and annotations left as it is", secretRedacting, """
                        {"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token",
                         "metadata": {"name": "s", "namespace": "n"}}""", """
                        {"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token",
                         "metadata": {"name": "s", "namespace": "n"}}"""),
                new Case(
                        "Secret values hashed with HMAC-SHA256 of the decoded bytes (RFC 4231 vector)",
                        secretHashing,
                        """
                        {"apiVersion": "v1", "kind": "Secret",
                         "metadata": {"name": "s", "namespace": "n"},
                         "data": {"long": "%s"},
                         "stringData": {"same": "%s"}}""".formatted(base64(RFC_4231_TEXT.getBytes(StandardCharsets.UTF_8)), RFC_4231_TEXT),
                        """
                        {"apiVersion": "v1", "kind": "Secret",
                         "metadata": {"name": "s", "namespace": "n"},
                         "data": {"long": "%1$s"},
                         "stringData": {"same": "%1$s"}}""".formatted(RFC_4231_HMAC)),
                new Case("malformed Secret values replaced without being echoed", secretRedacting, """
                        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "n"},
                         "data": {"nested": {"deep": "hunter2"}, "empty": null}, "stringData": "hunter2"}""", """
                        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "n"},
                         "data": {"nested": "%s", "empty": null}, "stringData": {}}""".formatted(
                                REDACTED_DATA)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesThePolicy(Case testCase) {
        GenericKubernetesResource object = read(testCase.input());

        testCase.filter().apply(object);

        assertThat(asTree(object)).isEqualTo(tree(testCase.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applyingAgainWritesNothing(Case testCase) {
        GenericKubernetesResource object = read(testCase.input());
        testCase.filter().apply(object);
        // The informer filters an object again where its change is handed over, while the query API may encode it.
        ObjectMeta metadata = object.getMetadata();
        Map<String, String> annotations = metadata.getAnnotations();
        Map<String, Object> properties = object.getAdditionalProperties();
        List<Object> values = List.copyOf(properties.values());

        testCase.filter().apply(object);

        assertThat(asTree(object)).isEqualTo(tree(testCase.expected()));
        assertThat(object.getMetadata()).isSameAs(metadata);
        assertThat(object.getMetadata().getAnnotations()).isSameAs(annotations);
        assertThat(object.getAdditionalProperties()).isSameAs(properties);
        assertThat(properties.values())
                .zipSatisfy(values, (after, before) -> assertThat(after).isSameAs(before));
    }

    @Test
    void differentValuesHashDifferentlyAndKeysMatter() {
        GenericKubernetesResource object = read("""
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "n"},
                 "data": {"a": "b25l", "b": "dHdv", "c": "b25l"}}""");
        new PayloadFilter(true, List.of(), SecretMasker.hashing(filled(32, (byte) 1))).apply(object);
        JsonNode data = asTree(object).get("data");

        assertThat(data.get("a")).isEqualTo(data.get("c")).isNotEqualTo(data.get("b"));

        GenericKubernetesResource again = read("""
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "n"},
                 "data": {"a": "b25l"}}""");
        new PayloadFilter(true, List.of(), SecretMasker.hashing(filled(32, (byte) 2))).apply(again);
        assertThat(asTree(again).get("data").get("a")).isNotEqualTo(data.get("a"));
    }

    @Test
    void filterWithoutRulesIsTheIdentity() {
        assertThat(new PayloadFilter(false, List.of(), null).isIdentity()).isTrue();
        assertThat(new PayloadFilter(true, List.of(), null).isIdentity()).isFalse();
    }

    private static List<DropPath> paths(String... pointers) {
        return Stream.of(pointers).map(DropPath::parse).toList();
    }

    private static GenericKubernetesResource read(String json) {
        return JSON.readValue(json, GenericKubernetesResource.class);
    }

    private static JsonNode asTree(GenericKubernetesResource object) {
        return JSON.valueToTree(object);
    }

    private static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
