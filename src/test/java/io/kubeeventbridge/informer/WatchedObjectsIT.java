package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.kubernetes.KubernetesClients;
import io.kubeeventbridge.support.MockKubernetes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Objects that arrive in watch events, read partly decoded by the bridge's client, reach the listener whole: an
 * updated pod's event carries its spec and status as the API server holds them, the same bytes a list would give.
 */
class WatchedObjectsIT {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private final String namespace = "watched-" + UUID.randomUUID().toString().substring(0, 6);
    private final KubernetesClient direct = MockKubernetes.client();
    private final KubernetesClient client = KubernetesClients.create(direct.getConfiguration());
    private final List<String> updates = new CopyOnWriteArrayList<>();
    private final ResourceInformer informer = new ResourceInformer(
            client,
            new InformerTarget(PODS, namespace, null, null),
            (operation, object, json) -> {
                if (operation == Operation.UPDATED) {
                    updates.add(new String(json, StandardCharsets.UTF_8));
                }
            },
            ObjectFilter.NONE,
            TestCompression.off(PODS),
            Duration.ZERO,
            500);

    @AfterEach
    void close() {
        informer.stop();
        client.close();
    }

    @Test
    void anUpdatedPodsEventCarriesItsSpecAndStatusInFull() {
        informer.start();
        await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
        direct.pods()
                .inNamespace(namespace)
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("web")
                        .addToLabels("app", "web")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("main")
                        .withImage("registry.example.com/web:1.0")
                        .addNewEnv()
                        .withName("MODE")
                        .withValue("serve")
                        .endEnv()
                        .endContainer()
                        .endSpec()
                        .build())
                .create();

        direct.pods()
                .inNamespace(namespace)
                .withName("web")
                .edit(pod -> new PodBuilder(pod)
                        .withNewStatus()
                        .withPhase("Running")
                        .withPodIP("10.244.0.7")
                        .endStatus()
                        .build());

        await().atMost(Duration.ofSeconds(30)).until(() -> !updates.isEmpty());
        JsonNode event = JsonMapper.shared().readTree(updates.get(0));
        assertThat(event.at("/spec/containers/0/env/0/value").asString()).isEqualTo("serve");
        assertThat(event.at("/status/phase").asString()).isEqualTo("Running");
        assertThat(event.at("/status/podIP").asString()).isEqualTo("10.244.0.7");
        GenericKubernetesResource stored = direct.genericKubernetesResources("v1", "Pod")
                .inNamespace(namespace)
                .withName("web")
                .get();
        assertThat(updates.get(0))
                .isEqualTo(new String(ObjectJson.encode(stored, "v1", "Pod"), StandardCharsets.UTF_8));
    }
}
