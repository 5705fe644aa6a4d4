package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.PartlyDecodedResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

/**
 * A list page read partly decoded, through the mapper fabric8 reads it with, against the same page decoded as fabric8
 * decodes it: every item must encode to the same bytes, since the cache, the events and the checkpoints' fingerprints
 * take them from whichever path an object arrived by, and must decode to the same object once anything asks.
 */
class PartlyDecodedListTest {

    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private static final String UNUSUAL_ITEMS = """
            {"metadata":{"name":"numbers","namespace":"demo","uid":"u1","resourceVersion":"7"},
             "spec":{"int":1,"negative":-12,"long":2147483648,"big":123456789012345678901234567890,
                     "fraction":1.5,"whole":1.0,"exponent":1e3,"tiny":1e-7,"negativeZero":-0.0}},
            {"spec":{"before":"metadata"},"metadata":{"name":"late-metadata","labels":{"app":"x"}},"status":{}},
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"typed",
             "managedFields":[{"manager":"kubectl","operation":"Apply","fieldsV1":{"f:spec":{}}}]},
             "spec":{"nested":[[],{},[{"a":null}],[1,[2,[3]]]],"flags":[true,false,null]}},
            {"metadata":{"name":"strings","annotations":{"html":"\\u003cb\\u003e \\u0026 \\u003e"}},
             "data":{"unicode":"héllo 日本 😀","escaped":"\\u00e9\\ud83d\\ude00","controls":"a\\u0000b\\n\\t\\r\\b\\f\\u001f",
                     "quotes":"\\"\\\\\\/","del":"\\u007f\\u2028","plain":"abc","quo\\"te key":"k","ünï":"v"}},
            {"metadata":{"name":"empty"}},
            {"metadata":{"name":"null-member"},"spec":null,"status":"text"}
            """;

    // Beyond a double's range: decoded, the item holds Infinity, which Jackson writes as a string.
    private static final String UNREPRESENTABLE_NUMBER = """
            {"metadata":{"name":"huge"},"spec":{"huge":1e400}}""";

    @Test
    void everyItemEncodesToTheBytesOfTheItemDecoded() {
        String page = page(UNUSUAL_ITEMS + "," + UNREPRESENTABLE_NUMBER + "," + workloadItems(300));

        List<GenericKubernetesResource> partly = partlyDecoded(page).getItems();
        List<GenericKubernetesResource> decoded = decoded(page).getItems();

        assertThat(partly).hasSize(307).hasOnlyElementsOfType(PartlyDecodedResource.class);
        IntStream.range(0, decoded.size())
                .forEach(index -> assertThat(encode(partly.get(index)))
                        .as(decoded.get(index).getMetadata().getName())
                        .isEqualTo(encode(decoded.get(index))));
    }

    @Test
    void everyItemDecodesToTheObjectDecodedOnceAsked() {
        String page = page(UNUSUAL_ITEMS + "," + workloadItems(20));

        List<GenericKubernetesResource> partly = partlyDecoded(page).getItems();
        List<GenericKubernetesResource> decoded = decoded(page).getItems();

        assertThat(partly).isEqualTo(decoded);
        // Encoded from the decoded members now, still the same bytes.
        IntStream.range(0, decoded.size())
                .forEach(index -> assertThat(encode(partly.get(index))).isEqualTo(encode(decoded.get(index))));
    }

    @Test
    void aMemberChangedIsEncodedAsChanged() {
        String page = page("""
                {"metadata":{"name":"changed"},"spec":{"size":1},"data":{"secret":"plain"}}""");
        GenericKubernetesResource item = partlyDecoded(page).getItems().get(0);

        item.setAdditionalProperty("data", Map.of("secret", "redacted"));

        assertThat(new String(encode(item), StandardCharsets.UTF_8))
                .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"changed\"},"
                        + "\"spec\":{\"size\":1},\"data\":{\"secret\":\"redacted\"}}");
    }

    @Test
    void listMetadataIsRead() {
        GenericKubernetesResourceList list = partlyDecoded("""
                {"kind":"PodList","apiVersion":"v1","unknown":{"skipped":[1,2]},
                 "metadata":{"resourceVersion":"42","continue":"next-page","remainingItemCount":3},
                 "items":[{"metadata":{"name":"a"}}]}""");

        assertThat(list.getKind()).isEqualTo("PodList");
        assertThat(list.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(list.getMetadata().getContinue()).isEqualTo("next-page");
        assertThat(list.getItems())
                .extracting(item -> item.getMetadata().getName())
                .containsExactly("a");
    }

    @Test
    void aListWithoutItemsHasNone() {
        assertThat(partlyDecoded("{\"metadata\":{\"resourceVersion\":\"1\"},\"items\":null}")
                        .getItems())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"items\":[\"not an object\"]}",
                "{\"items\":[{\"metadata\":{\"name\":\"a\"}},7]}",
                "{\"items\":{\"metadata\":{\"name\":\"a\"}}}",
                "{\"items\":\"none\"}",
                "{\"items\":[{\"metadata\":{\"name\":\"a\"},\"spec\":{\"cut\":",
                "{\"items\":[{\"metadata\":{\"name\":\"a\"},\"spec\":[1,}]}"
            })
    void aMalformedPageFailsTheListNamingWhy(String page) {
        assertThatThrownBy(() -> partlyDecoded(page)).rootCause().isInstanceOf(JacksonException.class);
    }

    @Test
    void anItemThatIsNoObjectIsNamedAsSuch() {
        assertThatThrownBy(() -> partlyDecoded(page("\"not an object\"")))
                .rootCause()
                .hasMessageContaining("Expected an object, found VALUE_STRING");
        assertThatThrownBy(() -> partlyDecoded("{\"items\":{}}"))
                .rootCause()
                .hasMessageContaining("Expected items to be an array, found START_OBJECT");
    }

    private static String page(String items) {
        return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":["
                + items + "]}";
    }

    private static String workloadItems(int count) {
        Workload workload = new Workload(11);
        return IntStream.range(0, count)
                .mapToObj(index -> new String(workload.nextJson(index, 5, true), StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }

    private static GenericKubernetesResourceList partlyDecoded(String page) {
        return FABRIC8.unmarshal(page, PartlyDecodedList.class);
    }

    private static GenericKubernetesResourceList decoded(String page) {
        return FABRIC8.unmarshal(page, GenericKubernetesResourceList.class);
    }

    // As the store encodes a list item: with the item's own type, or the informer's where the item names none.
    private static byte[] encode(GenericKubernetesResource item) {
        return ObjectJson.encode(
                item,
                item.getApiVersion() == null ? "v1" : item.getApiVersion(),
                item.getKind() == null ? "Pod" : item.getKind());
    }
}
