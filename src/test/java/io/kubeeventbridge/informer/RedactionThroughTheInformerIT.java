package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.payload.PayloadFilter;
import io.kubeeventbridge.payload.SecretMasker;
import io.kubeeventbridge.support.MockKubernetes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real informer redacts Secret values before its cache or its listener sees them, through every way an object
 * reaches it: listed, added, updated and deleted on the watch, and replaced, added or deleted by a relist after a gap
 * in the watch (a delete whose final state is unknown).
 */
class RedactionThroughTheInformerIT {

    private static final ResourceType SECRETS = new ResourceType("", "v1", "secrets", "Secret", true);

    private final String namespace = "redaction-" + UUID.randomUUID().toString().substring(0, 6);
    private final KubernetesClient direct = MockKubernetes.client();
    private final InformersBehindProxy behindProxy = new InformersBehindProxy();
    private final List<String> values = new ArrayList<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final List<String> handedOver = new CopyOnWriteArrayList<>();
    private final List<String> expected = new ArrayList<>();

    @AfterEach
    void close() {
        behindProxy.close();
    }

    @Test
    void noSecretValueReachesTheCacheOrTheListenerWhateverTheWayIn() {
        write("listed");
        write("deleted-in-gap");
        behindProxy
                .informers()
                .watch(
                        new InformerTarget(SECRETS, namespace, null, null),
                        (operation, object, json) -> {
                            handedOver.add(JsonMapper.shared().writeValueAsString(object));
                            handedOver.add(new String(json, StandardCharsets.UTF_8));
                            // Last, so that a test that sees the change sees what was handed over with it.
                            changes.add(operation.typeSegment() + " "
                                    + object.getMetadata().getName());
                        },
                        new PayloadFilter(true, List.of(), SecretMasker.redacting())::apply);
        awaitChanges("snapshot listed", "snapshot deleted-in-gap");

        write("watched");
        write("listed");
        direct.secrets().inNamespace(namespace).withName("watched").delete();
        awaitChanges("created watched", "updated listed", "deleted watched");

        behindProxy.gap("/api/v1/namespaces/" + namespace + "/secrets", () -> {
            write("listed");
            direct.secrets().inNamespace(namespace).withName("deleted-in-gap").delete();
            write("added-in-gap");
        });
        awaitChanges("updated listed", "deleted deleted-in-gap", "created added-in-gap");

        assertThat(handedOver)
                .hasSize(2 * changes.size())
                .allSatisfy(handed -> assertThat(handed).contains("\"password\"", "\"token\""));
    }

    /** Waits for these changes too, checking meanwhile what the listener got and what the cache shows. */
    private void awaitChanges(String... expected) {
        this.expected.addAll(List.of(expected));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertNoValueIn(handedOver);
            assertNoValueIn(cached());
            assertThat(changes).containsExactlyInAnyOrderElementsOf(this.expected);
        });
    }

    private List<String> cached() {
        ResourceCache cache = behindProxy.informers().find("", "v1", "secrets").orElseThrow();
        List<String> cached = new ArrayList<>();
        cache.list(namespace).forEach(object -> cached.add(new String(object.json(), StandardCharsets.UTF_8)));
        cached.forEach(json -> assertThat(json).contains("\"password\""));
        return cached;
    }

    private void assertNoValueIn(List<String> texts) {
        for (String value : values) {
            assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(value, base64(value)));
        }
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(PayloadFilter.LAST_APPLIED_ANNOTATION));
    }

    /** Creates or replaces the Secret {@code name} with a new value. */
    private void write(String name) {
        String value = "value-" + UUID.randomUUID();
        values.add(value);
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .addToAnnotations(
                        PayloadFilter.LAST_APPLIED_ANNOTATION, "{\"stringData\":{\"token\":\"" + value + "\"}}")
                .endMetadata()
                .addToData("password", base64(value))
                .addToStringData("token", value)
                .build();
        direct.secrets().inNamespace(namespace).resource(secret).createOr(existing -> existing.update());
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
