package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.KafkaEvents.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What consumers see on Kafka for each kind of change. Runs once per broker: the in-process KRaft broker, and
 * Testcontainers Kafka where Docker is available.
 */
abstract class PublishingContract extends BridgeTestBase {

    static final String POD_TOPIC = "k8s.core.pod";
    static final String DEPLOYMENT_TOPIC = "k8s.apps.deployment";
    static final String CLUSTER_ROLE_TOPIC = "k8s.rbac.authorization.k8s.io.clusterrole";
    static final String WIDGET_TOPIC = "k8s.example.com.widget";
    static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
            .withGroup("example.com")
            .withVersion("v1")
            .withPlural("widgets")
            .withKind("Widget")
            .withNamespaced(true)
            .build();

    // Both broker variants share one mock API server: names carry a suffix per test class run.
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final JsonMapper json = JsonMapper.builder().build();

    private KafkaEvents events;

    @BeforeEach
    void subscribe() {
        events = new KafkaEvents(
                bootstrapServers, List.of(POD_TOPIC, DEPLOYMENT_TOPIC, CLUSTER_ROLE_TOPIC, WIDGET_TOPIC));
    }

    @AfterEach
    void unsubscribe() {
        events.close();
    }

    @Test
    void objectsThatExistedAtStartArriveAsSnapshots() {
        for (String name : PREEXISTING_PODS) {
            Pod pod = client.pods()
                    .inNamespace(PREEXISTING_NAMESPACE)
                    .withName(name)
                    .get();
            Received first =
                    events.awaitRecords(PREEXISTING_NAMESPACE + "/" + name, 1).get(0);
            assertEvent(
                    first, POD_TOPIC, "io.k8s.core.pod.snapshot", pod, "/api/v1/namespaces/preexisting/pods/" + name);
        }
    }

    @Test
    void createdObjectPublishesCreatedEventWithItsState() {
        String namespace = "create-" + run;
        Pod pod = client.pods().inNamespace(namespace).resource(pod("web-1")).create();

        Received created = events.awaitRecords(namespace + "/web-1", 1).get(0);

        assertEvent(
                created, POD_TOPIC, "io.k8s.core.pod.created", pod, "/api/v1/namespaces/" + namespace + "/pods/web-1");
        JsonNode data = data(created.event());
        assertThat(data.path("apiVersion").asString()).isEqualTo("v1");
        assertThat(data.path("kind").asString()).isEqualTo("Pod");
        assertThat(data.path("spec").path("containers").get(0).path("image").asString())
                .isEqualTo("nginx:1.27");
        assertThat(data.path("metadata").has("managedFields")).isFalse();
    }

    @Test
    void updateWithNewResourceVersionPublishesUpdatedEvent() {
        String namespace = "update-" + run;
        client.pods().inNamespace(namespace).resource(pod("web-1")).create();
        events.awaitRecords(namespace + "/web-1", 1);

        Pod updated = client.pods().inNamespace(namespace).withName("web-1").edit(pod -> {
            pod.getMetadata().getLabels().put("version", "2");
            return pod;
        });

        List<Received> records = events.awaitRecords(namespace + "/web-1", 2);
        assertThat(records).hasSize(2);
        assertEvent(
                records.get(1),
                POD_TOPIC,
                "io.k8s.core.pod.updated",
                updated,
                "/api/v1/namespaces/" + namespace + "/pods/web-1");
        assertThat(data(records.get(1).event())
                        .path("metadata")
                        .path("labels")
                        .path("version")
                        .asString())
                .isEqualTo("2");
    }

    @Test
    void resyncWithUnchangedResourceVersionPublishesNothing() {
        String namespace = "resync-" + run;
        client.pods().inNamespace(namespace).resource(pod("quiet")).create();
        events.awaitRecords(namespace + "/quiet", 1);

        // The informers resync every second in these tests; three resyncs must not add a single record.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .until(() -> events.poll(namespace + "/quiet"), records -> records.size() == 1);
    }

    @Test
    void deleteWithTombstonesOnPublishesNullValueAfterEvent() {
        String namespace = "delete-" + run;
        client.pods().inNamespace(namespace).resource(pod("doomed")).create();
        events.awaitRecords(namespace + "/doomed", 1);
        Pod lastState = client.pods().inNamespace(namespace).withName("doomed").get();

        client.pods().inNamespace(namespace).withName("doomed").delete();

        List<Received> records = events.awaitRecords(namespace + "/doomed", 3);
        assertThat(records).hasSize(3);
        Received deleted = records.get(1);
        assertThat(deleted.event().getType()).isEqualTo("io.k8s.core.pod.deleted");
        assertThat(deleted.event().getId())
                .isEqualTo(lastState.getMetadata().getUid() + "/"
                        + lastState.getMetadata().getResourceVersion() + "/deleted");
        assertThat(data(deleted.event()).path("metadata").path("name").asString())
                .isEqualTo("doomed");
        assertThat(records.get(2).isTombstone()).isTrue();
        assertThat(records.get(2).topic()).isEqualTo(POD_TOPIC);
    }

    @Test
    void objectTooLargeForKafkaArrivesAsAReference() {
        String namespace = "huge-" + run;
        // Over the producer's default max.request.size of 1 MB.
        Pod huge = new PodBuilder(pod("huge"))
                .editMetadata()
                .addToAnnotations("blob", "x".repeat(1_200_000))
                .endMetadata()
                .build();
        Pod created = client.pods().inNamespace(namespace).resource(huge).create();

        Received reference = events.awaitRecords(namespace + "/huge", 1).get(0);

        assertThat(reference.event().getExtension("truncated")).hasToString("true");
        assertThat(reference.event().getId())
                .isEqualTo(created.getMetadata().getUid() + "/"
                        + created.getMetadata().getResourceVersion());
        JsonNode data = data(reference.event());
        assertThat(data.path("metadata").path("name").asString()).isEqualTo("huge");
        assertThat(data.path("metadata").has("annotations")).isFalse();
        assertThat(data.has("spec")).isFalse();
    }

    @Test
    void customResourcePublishesToItsKindTopic() {
        String namespace = "widgets-" + run;
        GenericKubernetesResource widget = client.genericKubernetesResources(WIDGETS)
                .inNamespace(namespace)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("example.com/v1")
                        .withKind("Widget")
                        .withNewMetadata()
                        .withName("gizmo")
                        .endMetadata()
                        .withAdditionalProperties(Map.of("spec", Map.of("size", 3)))
                        .build())
                .create();

        Received created = events.awaitRecords(namespace + "/gizmo", 1).get(0);

        assertEvent(
                created,
                WIDGET_TOPIC,
                "io.k8s.example.com.widget.created",
                widget,
                "/apis/example.com/v1/namespaces/" + namespace + "/widgets/gizmo");
        assertThat(data(created.event()).path("spec").path("size").asInt()).isEqualTo(3);
    }

    @Test
    void clusterScopedObjectIsKeyedByNameAndHasNoNamespace() {
        String name = "reader-" + run;
        ClusterRole role = client.rbac()
                .clusterRoles()
                .resource(new ClusterRoleBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .addNewRule()
                        .withApiGroups("")
                        .withResources("pods")
                        .withVerbs("get")
                        .endRule()
                        .build())
                .create();

        Received created = events.awaitRecords(name, 1).get(0);

        assertEvent(
                created,
                CLUSTER_ROLE_TOPIC,
                "io.k8s.rbac.authorization.k8s.io.clusterrole.created",
                role,
                "/apis/rbac.authorization.k8s.io/v1/clusterroles/" + name);
        assertThat(created.event().getExtension("namespace")).isNull();
    }

    @Test
    void onlyObjectsInConfiguredNamespacesMatchingTheLabelSelectorArePublished() {
        String name = "shop-" + run;
        client.apps()
                .deployments()
                .inNamespace("scoped-b")
                .resource(deployment(name, "web"))
                .create();
        client.apps()
                .deployments()
                .inNamespace("scoped-a")
                .resource(deployment(name + "-db", "db"))
                .create();
        Deployment watched = client.apps()
                .deployments()
                .inNamespace("scoped-a")
                .resource(deployment(name, "web"))
                .create();

        Received created = events.awaitRecords("scoped-a/" + name, 1).get(0);

        assertEvent(
                created,
                DEPLOYMENT_TOPIC,
                "io.k8s.apps.deployment.created",
                watched,
                "/apis/apps/v1/namespaces/scoped-a/deployments/" + name);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .pollInSameThread()
                .until(
                        () -> events.poll("scoped-b/" + name).size()
                                + events.poll("scoped-a/" + name + "-db").size(),
                        count -> count == 0);
    }

    private void assertEvent(Received received, String topic, String type, HasMetadata object, String subject) {
        String namespace = object.getMetadata().getNamespace();
        String key = namespace == null
                ? object.getMetadata().getName()
                : namespace + "/" + object.getMetadata().getName();
        CloudEvent event = received.event();
        assertThat(received.topic()).isEqualTo(topic);
        assertThat(received.key()).isEqualTo(key);
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource()).hasToString("k8s://it-cluster");
        assertThat(event.getSubject()).isEqualTo(subject);
        assertThat(event.getId())
                .isEqualTo(object.getMetadata().getUid() + "/"
                        + object.getMetadata().getResourceVersion());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("partitionkey")).isEqualTo(key);
        assertThat(event.getExtension("uid")).isEqualTo(object.getMetadata().getUid());
        assertThat(event.getExtension("cluster")).isEqualTo("it-cluster");
        assertThat(data(event).path("metadata").path("name").asString())
                .isEqualTo(object.getMetadata().getName());
    }

    private JsonNode data(CloudEvent event) {
        return json.readTree(event.getData().toBytes());
    }

    private static Deployment deployment(String name, String tier) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("tier", tier)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build();
    }
}
