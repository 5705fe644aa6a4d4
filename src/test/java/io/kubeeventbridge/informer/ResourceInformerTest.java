package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerError.Reason;
import io.kubeeventbridge.kubernetes.KubernetesClients;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What one informer reports of itself, for readiness and liveness, on the shared mock API server. */
class ResourceInformerTest {

    private static final ResourceType CONFIG_MAPS = new ResourceType("", "v1", "configmaps", "ConfigMap", true);

    private final String namespace = "informer-" + UUID.randomUUID().toString().substring(0, 6);
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final KubernetesClient client =
            KubernetesClients.create(MockKubernetes.client().getConfiguration());
    private final ResourceInformer informer = new ResourceInformer(
            client,
            new InformerTarget(CONFIG_MAPS, namespace, null, null),
            (operation, object, json) -> changes.add(
                    operation.typeSegment() + " " + object.getMetadata().getName()),
            ObjectFilter.NONE,
            TestCompression.off(CONFIG_MAPS),
            Duration.ZERO,
            500);

    @AfterEach
    void close() {
        informer.stop();
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "watch"})
    void aForbiddenVerbKeepsTheInformerRetryingAndSaysWhichVerbOnWhichResource(String verb) {
        MockKubernetes.gates().forbid(path(), verb);

        informer.start();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(informer.status().lastError())
                        .isEqualTo(new InformerError(
                                Reason.FORBIDDEN, 403, "cannot " + verb + " v1/configmaps in " + namespace)));
        assertThat(informer.status())
                .extracting(InformerStatus::running, InformerStatus::stoppedForGood)
                .containsExactly(true, false);
    }

    @Test
    void anInformerWhoseClientClosesUnderItHasStoppedForGood() {
        informer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> informer.status().synced());
        // Watching, not only listed: fabric8 closes an informer with its client once the informer has started.
        MockKubernetes.client()
                .configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("watched")
                        .endMetadata()
                        .build())
                .create();
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.contains("created watched"));

        client.close();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(informer.status())
                        .extracting(InformerStatus::running, InformerStatus::stoppedForGood)
                        .containsExactly(false, true));
    }

    @Test
    void anInformerTheBridgeStopsHasNotStoppedForGood() {
        informer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> informer.status().synced());

        informer.stop();

        assertThat(informer.status())
                .extracting(InformerStatus::running, InformerStatus::stoppedForGood)
                .containsExactly(false, false);
    }

    private String path() {
        return "/api/v1/namespaces/" + namespace + "/configmaps";
    }
}
