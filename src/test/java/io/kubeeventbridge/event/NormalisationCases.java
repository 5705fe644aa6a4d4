package io.kubeeventbridge.event;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The event contract as a table: observed changes and the complete events they must become, written out
 * literally (attribute and extension names included) so that a change to the contract shows up here.
 */
final class NormalisationCases {

    static final String CLUSTER = "prod-eu-1";
    static final OffsetDateTime OBSERVED_AT = OffsetDateTime.of(2025, 3, 14, 9, 26, 53, 589_000_000, ZoneOffset.UTC);

    static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "deployments", "Deployment", true);
    static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    static final ResourceType CLUSTER_ROLES =
            new ResourceType("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false);
    static final ResourceType WIDGETS = new ResourceType("example.com", "v1", "widgets", "Widget", true);

    static final String DEPLOYMENT_UID = "6a1f2c3d-0b4e-4f5a-9c8d-7e6f5a4b3c2d";
    private static final String POD_UID = "0c9b8a7f-6e5d-4c3b-a291-8f7e6d5c4b3a";
    static final String CLUSTER_ROLE_UID = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9";
    private static final String WIDGET_UID = "11111111-2222-4333-8444-555555555555";

    /** One row of the table: an observed change and the complete event it must become. */
    record Case(
            String description,
            ResourceType type,
            Operation operation,
            GenericKubernetesResource object,
            CloudEvent expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "namespaced built-in: apps/v1 Deployment updated",
                        DEPLOYMENTS,
                        Operation.UPDATED,
                        deployment("1042"),
                        expectedEvent(
                                        DEPLOYMENT_UID + "/1042",
                                        "io.k8s.apps.deployment.updated",
                                        "/apis/apps/v1/namespaces/shop/deployments/web")
                                .withExtension("apiversion", "apps/v1")
                                .withExtension("kind", "Deployment")
                                .withExtension("name", "web")
                                .withExtension("namespace", "shop")
                                .withExtension("uid", DEPLOYMENT_UID)
                                .withExtension("resourceversion", "1042")
                                .withExtension("partitionkey", "shop/web")
                                .withData("application/json", bytes(deploymentJson("1042")))
                                .build()),
                new Case(
                        "core group: v1 Pod created",
                        PODS,
                        Operation.CREATED,
                        pod(true),
                        expectedEvent(
                                        POD_UID + "/2001",
                                        "io.k8s.core.pod.created",
                                        "/api/v1/namespaces/shop/pods/web-1")
                                .withExtension("apiversion", "v1")
                                .withExtension("kind", "Pod")
                                .withExtension("name", "web-1")
                                .withExtension("namespace", "shop")
                                .withExtension("uid", POD_UID)
                                .withExtension("resourceversion", "2001")
                                .withExtension("partitionkey", "shop/web-1")
                                .withData("application/json", bytes(POD_JSON))
                                .build()),
                new Case(
                        "cluster-scoped: rbac.authorization.k8s.io/v1 ClusterRole snapshot",
                        CLUSTER_ROLES,
                        Operation.SNAPSHOT,
                        clusterRole(),
                        expectedEvent(
                                        CLUSTER_ROLE_UID + "/77",
                                        "io.k8s.rbac.authorization.k8s.io.clusterrole.snapshot",
                                        "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin")
                                .withExtension("apiversion", "rbac.authorization.k8s.io/v1")
                                .withExtension("kind", "ClusterRole")
                                .withExtension("name", "admin")
                                .withExtension("uid", CLUSTER_ROLE_UID)
                                .withExtension("resourceversion", "77")
                                .withExtension("partitionkey", "admin")
                                .withData("application/json", bytes(CLUSTER_ROLE_JSON))
                                .build()),
                new Case(
                        "custom resource: example.com/v1 Widget updated",
                        WIDGETS,
                        Operation.UPDATED,
                        widget(),
                        expectedEvent(
                                        WIDGET_UID + "/5",
                                        "io.k8s.example.com.widget.updated",
                                        "/apis/example.com/v1/namespaces/shop/widgets/blue")
                                .withExtension("apiversion", "example.com/v1")
                                .withExtension("kind", "Widget")
                                .withExtension("name", "blue")
                                .withExtension("namespace", "shop")
                                .withExtension("uid", WIDGET_UID)
                                .withExtension("resourceversion", "5")
                                .withExtension("partitionkey", "shop/blue")
                                .withData("application/json", bytes(WIDGET_JSON))
                                .build()),
                new Case(
                        "delete: id ends in /deleted, data is the last known state",
                        DEPLOYMENTS,
                        Operation.DELETED,
                        beingDeleted(deployment("1050")),
                        expectedEvent(
                                        DEPLOYMENT_UID + "/1050/deleted",
                                        "io.k8s.apps.deployment.deleted",
                                        "/apis/apps/v1/namespaces/shop/deployments/web")
                                .withExtension("apiversion", "apps/v1")
                                .withExtension("kind", "Deployment")
                                .withExtension("name", "web")
                                .withExtension("namespace", "shop")
                                .withExtension("uid", DEPLOYMENT_UID)
                                .withExtension("resourceversion", "1050")
                                .withExtension("partitionkey", "shop/web")
                                .withData("application/json", bytes(DELETED_DEPLOYMENT_JSON))
                                .build()),
                new Case(
                        "list item without apiVersion and kind: both filled from the resource type",
                        PODS,
                        Operation.SNAPSHOT,
                        pod(false),
                        expectedEvent(
                                        POD_UID + "/2001",
                                        "io.k8s.core.pod.snapshot",
                                        "/api/v1/namespaces/shop/pods/web-1")
                                .withExtension("apiversion", "v1")
                                .withExtension("kind", "Pod")
                                .withExtension("name", "web-1")
                                .withExtension("namespace", "shop")
                                .withExtension("uid", POD_UID)
                                .withExtension("resourceversion", "2001")
                                .withExtension("partitionkey", "shop/web-1")
                                .withData("application/json", bytes(POD_JSON))
                                .build()),
                new Case(
                        "managedFields kept: the payload policy drops them, before the cache",
                        DEPLOYMENTS,
                        Operation.UPDATED,
                        withManagedFields(deployment("1042")),
                        expectedEvent(
                                        DEPLOYMENT_UID + "/1042",
                                        "io.k8s.apps.deployment.updated",
                                        "/apis/apps/v1/namespaces/shop/deployments/web")
                                .withExtension("apiversion", "apps/v1")
                                .withExtension("kind", "Deployment")
                                .withExtension("name", "web")
                                .withExtension("namespace", "shop")
                                .withExtension("uid", DEPLOYMENT_UID)
                                .withExtension("resourceversion", "1042")
                                .withExtension("partitionkey", "shop/web")
                                .withData("application/json", bytes(DEPLOYMENT_WITH_MANAGED_FIELDS_JSON))
                                .build()));
    }

    // --- the objects of the table and the JSON they must become

    static CloudEventBuilder expectedEvent(String id, String type, String subject) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("k8s://prod-eu-1"))
                .withType(type)
                .withSubject(subject)
                .withTime(OBSERVED_AT)
                .withExtension("cluster", "prod-eu-1");
    }

    static GenericKubernetesResource deployment(String resourceVersion) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withMetadata(new ObjectMetaBuilder()
                        .withNamespace("shop")
                        .withName("web")
                        .withUid(DEPLOYMENT_UID)
                        .withResourceVersion(resourceVersion)
                        .withGeneration(3L)
                        .addToLabels("app", "web")
                        .build())
                .addToAdditionalProperties(
                        "spec", Map.of("replicas", 3, "selector", Map.of("matchLabels", Map.of("app", "web"))))
                .addToAdditionalProperties("status", Map.of("readyReplicas", 3))
                .build();
    }

    private static String deploymentJson(String resourceVersion) {
        return """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"namespace": "shop", "name": "web", "uid": "%s", "resourceVersion": "%s",
                              "generation": 3, "labels": {"app": "web"}},
                 "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}},
                 "status": {"readyReplicas": 3}}
                """.formatted(DEPLOYMENT_UID, resourceVersion);
    }

    private static final String DEPLOYMENT_WITH_MANAGED_FIELDS_JSON = """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"namespace": "shop", "name": "web", "uid": "%s", "resourceVersion": "1042",
                          "generation": 3, "labels": {"app": "web"},
                          "managedFields": [{"apiVersion": "apps/v1", "fieldsType": "FieldsV1",
                                             "fieldsV1": {"f:spec": {"f:replicas": {}}},
                                             "manager": "kubectl-client-side-apply", "operation": "Update",
                                             "time": "2025-03-14T09:20:00Z"}]},
             "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}},
             "status": {"readyReplicas": 3}}
            """.formatted(DEPLOYMENT_UID);

    /** The last state an informer saw of a deployment deleted with a finalizer: terminating, scaled down. */
    private static GenericKubernetesResource beingDeleted(GenericKubernetesResource deployment) {
        deployment.getMetadata().setDeletionTimestamp("2025-03-14T09:26:50Z");
        deployment.getMetadata().setDeletionGracePeriodSeconds(0L);
        deployment.getMetadata().setFinalizers(List.of("example.com/cleanup"));
        deployment.getAdditionalProperties().put("status", Map.of("readyReplicas", 0));
        return deployment;
    }

    private static final String DELETED_DEPLOYMENT_JSON = """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"namespace": "shop", "name": "web", "uid": "%s", "resourceVersion": "1050",
                          "generation": 3, "labels": {"app": "web"},
                          "deletionTimestamp": "2025-03-14T09:26:50Z", "deletionGracePeriodSeconds": 0,
                          "finalizers": ["example.com/cleanup"]},
             "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}},
             "status": {"readyReplicas": 0}}
            """.formatted(DEPLOYMENT_UID);

    private static GenericKubernetesResource withManagedFields(GenericKubernetesResource object) {
        object.getMetadata()
                .setManagedFields(List.of(new ManagedFieldsEntryBuilder()
                        .withManager("kubectl-client-side-apply")
                        .withOperation("Update")
                        .withApiVersion("apps/v1")
                        .withTime("2025-03-14T09:20:00Z")
                        .withFieldsType("FieldsV1")
                        .withNewFieldsV1()
                        .addToAdditionalProperties("f:spec", Map.of("f:replicas", Map.of()))
                        .endFieldsV1()
                        .build()));
        return object;
    }

    /** A pod as a list item from the API server: without apiVersion and kind. */
    static GenericKubernetesResource pod(boolean withApiVersionAndKind) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(withApiVersionAndKind ? "v1" : null)
                .withKind(withApiVersionAndKind ? "Pod" : null)
                .withMetadata(new ObjectMetaBuilder()
                        .withNamespace("shop")
                        .withName("web-1")
                        .withUid(POD_UID)
                        .withResourceVersion("2001")
                        .build())
                .addToAdditionalProperties(
                        "spec", Map.of("containers", List.of(Map.of("name", "web", "image", "nginx:1.27"))))
                .build();
    }

    private static final String POD_JSON = """
            {"apiVersion": "v1", "kind": "Pod",
             "metadata": {"namespace": "shop", "name": "web-1", "uid": "%s", "resourceVersion": "2001"},
             "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}
            """.formatted(POD_UID);

    static GenericKubernetesResource clusterRole() {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("rbac.authorization.k8s.io/v1")
                .withKind("ClusterRole")
                .withMetadata(new ObjectMetaBuilder()
                        .withName("admin")
                        .withUid(CLUSTER_ROLE_UID)
                        .withResourceVersion("77")
                        .build())
                .addToAdditionalProperties(
                        "rules",
                        List.of(Map.of("apiGroups", List.of("*"), "resources", List.of("*"), "verbs", List.of("*"))))
                .build();
    }

    private static final String CLUSTER_ROLE_JSON = """
            {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
             "metadata": {"name": "admin", "uid": "%s", "resourceVersion": "77"},
             "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]}
            """.formatted(CLUSTER_ROLE_UID);

    private static GenericKubernetesResource widget() {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("example.com/v1")
                .withKind("Widget")
                .withMetadata(new ObjectMetaBuilder()
                        .withNamespace("shop")
                        .withName("blue")
                        .withUid(WIDGET_UID)
                        .withResourceVersion("5")
                        .addToAnnotations("example.com/owner", "team-a")
                        .build())
                .addToAdditionalProperties("spec", Map.of("colour", "blue", "size", 2.5, "enabled", true))
                .build();
    }

    private static final String WIDGET_JSON = """
            {"apiVersion": "example.com/v1", "kind": "Widget",
             "metadata": {"namespace": "shop", "name": "blue", "uid": "%s", "resourceVersion": "5",
                          "annotations": {"example.com/owner": "team-a"}},
             "spec": {"colour": "blue", "size": 2.5, "enabled": true}}
            """.formatted(WIDGET_UID);

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private NormalisationCases() {}
}
