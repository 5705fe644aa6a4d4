package io.kubeeventbridge.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.PartlyDecodedResource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

/**
 * Watch events read by the bridge's clients: the object partly decoded whatever its kind, a Status still a Status,
 * and an object a typed watch converts the same as fabric8 decoding it into that type.
 */
class PartlyDecodedWatchEventsTest {

    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
    private static final KubernetesSerialization BRIDGE = PartlyDecodedWatchEvents.serialization();

    private final String pod = new String(new Workload(5).nextJson(0, 1, false), StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"v1\",\"kind\":\"Pod", "example.com/v1\",\"kind\":\"Widget"})
    void anObjectIsPartlyDecodedAndEncodesAsListedObjectsDo(String type) {
        String object = pod.replace("v1\",\"kind\":\"Pod", type);

        Object read =
                BRIDGE.unmarshal(event("MODIFIED", object), WatchEvent.class).getObject();

        assertThat(read).isInstanceOf(PartlyDecodedResource.class);
        assertThat(encode((GenericKubernetesResource) read))
                .isEqualTo(encode(FABRIC8.unmarshal(object, GenericKubernetesResource.class)));
    }

    @Test
    void theClientsOfTheBridgeReadWatchEventsSo() {
        try (KubernetesClient client = KubernetesClients.create(Config.empty())) {
            assertThat(client.getKubernetesSerialization()
                            .unmarshal(event("ADDED", pod), WatchEvent.class)
                            .getObject())
                    .isInstanceOf(PartlyDecodedResource.class);
        }
    }

    @Test
    void aTypedWatchReceivesTheObjectAsFabric8DecodesIt() {
        Object read = BRIDGE.unmarshal(event("MODIFIED", pod), WatchEvent.class).getObject();

        // What AbstractWatchManager.eventReceived does with an object not of the operation's type.
        assertThat(BRIDGE.convertValue(read, Pod.class)).isEqualTo(FABRIC8.unmarshal(pod, Pod.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // As an API server writes it, and as fabric8's mock server does: the object first.
                "{\"type\":\"ERROR\",\"object\":%s}",
                "{\"object\":%s,\"type\":\"ERROR\"}"
            })
    void anErrorsStatusIsReadAsAStatus(String line) {
        String expired = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"too old resource version: 1 (9)\",\"reason\":\"Expired\",\"code\":410,"
                + "\"details\":{\"retryAfterSeconds\":3}}";

        Object read =
                BRIDGE.unmarshal(line.formatted(expired), WatchEvent.class).getObject();

        assertThat(read).isInstanceOf(Status.class).isEqualTo(FABRIC8.unmarshal(expired, Status.class));
        assertThat(((Status) read).getCode()).isEqualTo(410);
    }

    @Test
    void aBookmarkCarriesItsResourceVersion() {
        String bookmark = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"12746\","
                + "\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}}}";

        WatchEvent event = BRIDGE.unmarshal(event("BOOKMARK", bookmark), WatchEvent.class);

        assertThat(((GenericKubernetesResource) event.getObject()).getMetadata().getResourceVersion())
                .isEqualTo("12746");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a pod\"", "[1, 2]", "42", "{\"kind\":\"Pod\",\"metadata\":\"web\"}"})
    void anObjectThatIsNoKubernetesObjectIsRefused(String malformed) {
        // Never half read: fabric8's watch manager then closes the watch with a WatcherException, as it does for an
        // object it cannot use, and the informer watches again.
        assertThatThrownBy(() -> BRIDGE.unmarshal(event("MODIFIED", malformed), WatchEvent.class))
                .isInstanceOf(KubernetesClientException.class)
                .hasRootCauseInstanceOf(JacksonException.class);
    }

    private static String event(String type, String object) {
        return "{\"type\":\"" + type + "\",\"object\":" + object + "}";
    }

    private static String encode(GenericKubernetesResource object) {
        return new String(ObjectJson.encode(object, object.getApiVersion(), object.getKind()), StandardCharsets.UTF_8);
    }
}
