package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Readiness, health detail, metrics and the first read of the cache, on the shared context. */
@SharedKafkaBroker
class HealthAndQueryIT extends BridgeTestBase {

    private static final ResourceDefinitionContext GADGETS = new ResourceDefinitionContext.Builder()
            .withGroup("example.com")
            .withVersion("v1")
            .withPlural("gadgets")
            .withKind("Gadget")
            .withNamespaced(true)
            .build();

    @Test
    void readinessWaitsForEverySyncButNotForAMissingCrd() {
        // The configmaps informer cannot list while the gate is closed: not ready, and health says why.
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(mvc.get().uri("/actuator/health")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath(entry(5) + ".status").isEqualTo("OUT_OF_SERVICE");
            assertThat(json).extractingPath(entry(5) + ".details.synced").isEqualTo(false);
            assertThat(json).extractingPath(entry(4) + ".status").isEqualTo("UNKNOWN");
            assertThat(json).extractingPath(entry(4) + ".details.state").isEqualTo("missing");
        });

        MockKubernetes.gates().open(READINESS_GATE);

        // Ready although the Gadget CRD is still missing: one uninstalled CRD must not take the bridge out.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk());

        MockKubernetes.installCrd("example.com", "v1", "Gadget");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mvc.get().uri("/actuator/health"))
                        .bodyJson()
                        .extractingPath(entry(4) + ".details.synced")
                        .isEqualTo(true));
        client.genericKubernetesResources(GADGETS)
                .inNamespace("late")
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("example.com/v1")
                        .withKind("Gadget")
                        .withNewMetadata()
                        .withName("first")
                        .endMetadata()
                        .build())
                .create();
        try (KafkaEvents events = new KafkaEvents(bootstrapServers, List.of("gadgets"))) {
            assertThat(events.awaitRecords("late/first", 1).get(0).event().getType())
                    .isEqualTo("io.k8s.example.com.gadget.created");
        }
    }

    @Test
    void livenessHangsOnStoppedInformersOnlyAndNeitherProbeOnKafka() {
        assertThat(mvc.get().uri("/actuator/health/liveness"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.components")
                .asMap()
                .containsOnlyKeys("livenessState", "informerLiveness");
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .bodyJson()
                .extractingPath("$.components")
                .asMap()
                .containsOnlyKeys("readinessState", "informers");
        assertThat(mvc.get().uri("/actuator/health"))
                .bodyJson()
                .extractingPath("$.components.kafkaPublisher.status")
                .isEqualTo("UP");
    }

    @Test
    void listsCachedObjectsAcrossNamespacesAndInOne() {
        awaitPodsSynced();
        assertThat(mvc.get().uri("/k8s/api/v1/pods"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("PodList");
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/{namespace}/pods", PREEXISTING_NAMESPACE))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactlyInAnyOrder((Object[]) PREEXISTING_PODS);
        assertThat(mvc.get().uri("/k8s/api/v1/pods"))
                .bodyJson()
                .extractingPath("$.metadata.resourceVersion")
                .asString()
                .isNotEmpty();
    }

    @Test
    void listsEveryWatchedNamespaceWhenAskedForAllAndRefusesOthers() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mvc.get().uri("/k8s/apis/apps/v1/deployments"))
                        .hasStatusOk());
        client.apps()
                .deployments()
                .inNamespace("scoped-a")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("listed")
                        .addToLabels("tier", "web")
                        .endMetadata()
                        .build())
                .create();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mvc.get().uri("/k8s/apis/apps/v1/deployments"))
                        .bodyJson()
                        .extractingPath("$.items[*].metadata.name")
                        .asArray()
                        .contains("listed"));
        assertThat(mvc.get().uri("/k8s/apis/apps/v1/namespaces/scoped-b/deployments"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.message")
                .isEqualTo("the bridge does not watch deployments in namespace \"scoped-b\"; it watches them in "
                        + "scoped-a");
    }

    @Test
    void getsOneCachedObjectWithItsTypeMeta() {
        awaitPodsSynced();
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/{namespace}/pods/{name}", PREEXISTING_NAMESPACE, "early-1"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Pod");
                    assertThat(json).extractingPath("$.apiVersion").isEqualTo("v1");
                    assertThat(json).extractingPath("$.metadata.name").isEqualTo("early-1");
                });
    }

    @Test
    void unwatchedResourcesAndMissingObjectsAreNotFoundStatuses() {
        awaitPodsSynced();
        assertThat(mvc.get().uri("/k8s/apis/batch/v1/jobs"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("Status");
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/{namespace}/pods/{name}", PREEXISTING_NAMESPACE, "nobody"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.reason")
                .isEqualTo("NotFound");
    }

    @Test
    void countsReceivedEventsPerResourceAndOperation() {
        awaitPodsSynced();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mvc.get().uri("/actuator/prometheus"))
                        .hasStatusOk()
                        .bodyText()
                        .contains("bridge_events_received_total{operation=\"snapshot\",resource=\"v1/pods\"}")
                        .contains("bridge_events_published_total{operation=\"snapshot\",resource=\"v1/pods\"}"));
    }

    /** The JSON path of the health of the entry {@code bridge.resources[index]}. */
    private static String entry(int index) {
        return "$.components.informers.components['bridge.resources[" + index + "]']";
    }

    private void awaitPodsSynced() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mvc.get().uri("/k8s/api/v1/pods")).hasStatusOk());
    }
}
