package io.kubeeventbridge.event;

import static io.kubeeventbridge.event.CloudEventAssertions.assertSameEvent;
import static io.kubeeventbridge.event.NormalisationCases.CLUSTER;
import static io.kubeeventbridge.event.NormalisationCases.CLUSTER_ROLES;
import static io.kubeeventbridge.event.NormalisationCases.CLUSTER_ROLE_UID;
import static io.kubeeventbridge.event.NormalisationCases.DEPLOYMENTS;
import static io.kubeeventbridge.event.NormalisationCases.DEPLOYMENT_UID;
import static io.kubeeventbridge.event.NormalisationCases.OBSERVED_AT;
import static io.kubeeventbridge.event.NormalisationCases.deployment;
import static io.kubeeventbridge.event.NormalisationCases.expectedEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The variants of an event besides the observed change, each compared attribute by attribute with the contract. */
class EventVariantsTest {

    private final EventNormaliser normaliser = new EventNormaliser(CLUSTER);

    @Test
    void reconciledDeleteRefersToTheCheckpointedStateAndSaysItWasReconciled() {
        CloudEvent event = normaliser.reconciledDelete(DEPLOYMENTS, "shop/web", DEPLOYMENT_UID, "1042", OBSERVED_AT);

        assertSameEvent(
                event,
                expectedEvent(
                                DEPLOYMENT_UID + "/1042/deleted",
                                "io.k8s.apps.deployment.deleted",
                                "/apis/apps/v1/namespaces/shop/deployments/web")
                        .withExtension("apiversion", "apps/v1")
                        .withExtension("kind", "Deployment")
                        .withExtension("name", "web")
                        .withExtension("namespace", "shop")
                        .withExtension("uid", DEPLOYMENT_UID)
                        .withExtension("resourceversion", "1042")
                        .withExtension("partitionkey", "shop/web")
                        .withExtension("reconciled", true)
                        .withData("application/json", bytes("""
                                {"apiVersion": "apps/v1", "kind": "Deployment",
                                 "metadata": {"name": "web", "namespace": "shop", "uid": "%s",
                                              "resourceVersion": "1042"}}
                                """.formatted(DEPLOYMENT_UID)))
                        .build());
    }

    @Test
    void reconciledDeleteOfAClusterScopedObjectHasNoNamespace() {
        CloudEvent event = normaliser.reconciledDelete(CLUSTER_ROLES, "admin", CLUSTER_ROLE_UID, "77", OBSERVED_AT);

        assertSameEvent(
                event,
                expectedEvent(
                                CLUSTER_ROLE_UID + "/77/deleted",
                                "io.k8s.rbac.authorization.k8s.io.clusterrole.deleted",
                                "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin")
                        .withExtension("apiversion", "rbac.authorization.k8s.io/v1")
                        .withExtension("kind", "ClusterRole")
                        .withExtension("name", "admin")
                        .withExtension("uid", CLUSTER_ROLE_UID)
                        .withExtension("resourceversion", "77")
                        .withExtension("partitionkey", "admin")
                        .withExtension("reconciled", true)
                        .withData("application/json", bytes("""
                                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                                 "metadata": {"name": "admin", "uid": "%s", "resourceVersion": "77"}}
                                """.formatted(CLUSTER_ROLE_UID)))
                        .build());
    }

    @Test
    void coalescedEventIsTheNewerStateUnderTheOlderType() {
        CloudEvent created = normaliser.normalise(DEPLOYMENTS, Operation.CREATED, deployment("1042"), OBSERVED_AT);
        CloudEvent updated =
                normaliser.normalise(DEPLOYMENTS, Operation.UPDATED, deployment("1043"), OBSERVED_AT.plusSeconds(1));

        CloudEvent coalesced = EventVariants.coalesced(updated, created);

        assertSameEvent(
                coalesced,
                CloudEventBuilder.v1(updated)
                        .withType("io.k8s.apps.deployment.created")
                        .build());
    }

    @Test
    void updateThatSaysWhatChangedCarriesTheChangedPathsBesidesEveryAttributeOfTheUpdate() {
        byte[] data = data("1042");

        CloudEvent event = normaliser.normaliseUpdate(
                DEPLOYMENTS,
                deployment("1042"),
                data,
                List.of("/spec/template/spec/containers/0/image", "/metadata/labels/app"),
                OBSERVED_AT);

        assertSameEvent(
                event,
                CloudEventBuilder.v1(normaliser.normalise(
                                DEPLOYMENTS, Operation.UPDATED, deployment("1042"), data, OBSERVED_AT))
                        .withExtension("changedpaths", "/metadata/labels/app,/spec/template/spec")
                        .build());
    }

    @Test
    void coalescedUpdatesSayWhatChangedInEither() {
        CloudEvent older = normaliser.normaliseUpdate(
                DEPLOYMENTS, deployment("1042"), data("1042"), List.of("/spec/replicas"), OBSERVED_AT);
        CloudEvent newer = normaliser.normaliseUpdate(
                DEPLOYMENTS, deployment("1043"), data("1043"), List.of("/metadata/labels/app"), OBSERVED_AT);

        assertSameEvent(
                EventVariants.coalesced(newer, older),
                CloudEventBuilder.v1(newer)
                        .withExtension("changedpaths", "/metadata/labels/app,/spec/replicas")
                        .build());
    }

    @Test
    void coalescedEventSaysNothingOfChangesWhenEitherDoesNotKnowThemOrItIsACreation() {
        CloudEvent created = normaliser.normalise(DEPLOYMENTS, Operation.CREATED, deployment("1042"), OBSERVED_AT);
        CloudEvent unknown = normaliser.normalise(DEPLOYMENTS, Operation.UPDATED, deployment("1043"), OBSERVED_AT);
        CloudEvent known = normaliser.normaliseUpdate(
                DEPLOYMENTS, deployment("1044"), data("1044"), List.of("/spec/replicas"), OBSERVED_AT);

        assertThat(EventVariants.coalesced(known, created).getExtension("changedpaths"))
                .isNull();
        assertThat(EventVariants.coalesced(known, unknown).getExtension("changedpaths"))
                .isNull();
        assertThat(EventVariants.coalesced(unknown, known).getExtension("changedpaths"))
                .isNull();
    }

    @Test
    void truncatedEventKeepsEveryAttributeAndRefersToTheObjectInsteadOfCarryingIt() {
        CloudEvent updated = normaliser.normalise(DEPLOYMENTS, Operation.UPDATED, deployment("1042"), OBSERVED_AT);

        CloudEvent truncated = EventVariants.truncated(updated);

        assertSameEvent(
                CloudEventBuilder.v1(truncated).withoutData().build(),
                CloudEventBuilder.v1(updated)
                        .withExtension("truncated", true)
                        .withoutData()
                        .build());
        assertThat(truncated.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(truncated.getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\","
                        + "\"namespace\":\"shop\",\"uid\":\"" + DEPLOYMENT_UID + "\",\"resourceVersion\":\"1042\"}}");
        assertThat(EventVariants.isTruncated(truncated)).isTrue();
        assertThat(EventVariants.isTruncated(updated)).isFalse();
    }

    private static byte[] data(String resourceVersion) {
        return ObjectJson.encode(deployment(resourceVersion), "apps/v1", "Deployment");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
