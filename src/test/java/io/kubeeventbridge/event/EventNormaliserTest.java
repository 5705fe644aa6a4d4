package io.kubeeventbridge.event;

import static io.kubeeventbridge.event.CloudEventAssertions.JSON;
import static io.kubeeventbridge.event.CloudEventAssertions.assertSameEvent;
import static io.kubeeventbridge.event.CloudEventAssertions.extensionsOf;
import static io.kubeeventbridge.event.NormalisationCases.CLUSTER;
import static io.kubeeventbridge.event.NormalisationCases.CLUSTER_ROLES;
import static io.kubeeventbridge.event.NormalisationCases.CLUSTER_ROLE_UID;
import static io.kubeeventbridge.event.NormalisationCases.DEPLOYMENTS;
import static io.kubeeventbridge.event.NormalisationCases.DEPLOYMENT_UID;
import static io.kubeeventbridge.event.NormalisationCases.OBSERVED_AT;
import static io.kubeeventbridge.event.NormalisationCases.PODS;
import static io.kubeeventbridge.event.NormalisationCases.clusterRole;
import static io.kubeeventbridge.event.NormalisationCases.deployment;
import static io.kubeeventbridge.event.NormalisationCases.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

class EventNormaliserTest {

    private final EventNormaliser normaliser = new EventNormaliser(CLUSTER);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kubeeventbridge.event.NormalisationCases#cases")
    void normalisesEveryAttributeAndThePayloadPerTheContract(NormalisationCases.Case c) {
        String objectBefore = JSON.writeValueAsString(c.object());

        CloudEvent event = normaliser.normalise(c.type(), c.operation(), c.object(), OBSERVED_AT);

        assertSameEvent(event, c.expected());
        assertThat(JSON.writeValueAsString(c.object()))
                .as("the informer's cached object is left untouched")
                .isEqualTo(objectBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kubeeventbridge.event.NormalisationCases#cases")
    void dataEncodedBeforehandMakesTheSameEventAndIsCarriedAsItIs(NormalisationCases.Case c) {
        String apiVersion = c.object().getApiVersion() == null
                ? c.type().apiVersion()
                : c.object().getApiVersion();
        String kind =
                c.object().getKind() == null ? c.type().kind() : c.object().getKind();
        byte[] data = ObjectJson.encode(c.object(), apiVersion, kind);

        CloudEvent event = normaliser.normalise(c.type(), c.operation(), c.object(), data, OBSERVED_AT);

        assertSameEvent(event, c.expected());
        assertThat(event.getData().toBytes()).as("not encoded again").isSameAs(data);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void operationNamesTheTypeAndOnlyDeletesMarkTheId(Operation operation) {
        CloudEvent event = normaliser.normalise(DEPLOYMENTS, operation, deployment("1042"), OBSERVED_AT);

        assertThat(event.getType()).isEqualTo("io.k8s.apps.deployment." + operation.typeSegment());
        assertThat(event.getId())
                .isEqualTo(
                        operation == Operation.DELETED ? DEPLOYMENT_UID + "/1042/deleted" : DEPLOYMENT_UID + "/1042");
    }

    static Stream<Arguments> objectsWithoutUidOrResourceVersion() {
        return Stream.of(
                Arguments.of("no uid", null, "1042", List.of("resourceversion")),
                Arguments.of("no resourceVersion", DEPLOYMENT_UID, null, List.of("uid")),
                Arguments.of("neither", "", " ", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectsWithoutUidOrResourceVersion")
    void objectWithoutUidOrResourceVersionGetsTheDigestOfItsDataAsId(
            String description, String uid, String resourceVersion, List<String> presentVersionExtensions)
            throws Exception {
        GenericKubernetesResource object = deployment("1042");
        object.getMetadata().setUid(uid);
        object.getMetadata().setResourceVersion(resourceVersion);

        CloudEvent updated = normaliser.normalise(DEPLOYMENTS, Operation.UPDATED, object, OBSERVED_AT);
        CloudEvent again = normaliser.normalise(DEPLOYMENTS, Operation.UPDATED, object, OBSERVED_AT.plusHours(1));
        CloudEvent deleted = normaliser.normalise(DEPLOYMENTS, Operation.DELETED, object, OBSERVED_AT);
        object.getMetadata().getLabels().put("tier", "frontend");
        CloudEvent changed = normaliser.normalise(DEPLOYMENTS, Operation.UPDATED, object, OBSERVED_AT);

        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(updated.getData().toBytes()));
        assertThat(updated.getId()).isEqualTo("sha256:" + digest);
        assertThat(again.getId()).as("same state, same id").isEqualTo(updated.getId());
        assertThat(deleted.getId()).isEqualTo("sha256:" + digest + "/deleted");
        assertThat(changed.getId()).as("new state, new id").isNotEqualTo(updated.getId());
        assertThat(extensionsOf(updated).keySet())
                .filteredOn(name -> name.equals("uid") || name.equals("resourceversion"))
                .containsExactlyInAnyOrderElementsOf(presentVersionExtensions);
    }

    static Stream<Arguments> objectsThatCannotBecomeEvents() {
        GenericKubernetesResource withoutMetadata = deployment("1042");
        withoutMetadata.setMetadata(null);
        GenericKubernetesResource withoutName = deployment("1042");
        withoutName.getMetadata().setName(null);
        GenericKubernetesResource withoutNamespace = deployment("1042");
        withoutNamespace.getMetadata().setNamespace(null);
        GenericKubernetesResource slashInName = deployment("1042");
        slashInName.getMetadata().setName("web/1");
        GenericKubernetesResource namespacedClusterRole = clusterRole();
        namespacedClusterRole.getMetadata().setNamespace("shop");
        return Stream.of(
                Arguments.of(
                        DEPLOYMENTS,
                        withoutMetadata,
                        "Cannot normalise updated apps/v1/deployments <object without metadata>: metadata is missing"),
                Arguments.of(
                        DEPLOYMENTS,
                        withoutName,
                        "Cannot normalise updated apps/v1/deployments shop/<no name> (uid " + DEPLOYMENT_UID
                                + ", resourceVersion 1042): metadata.name is missing"),
                Arguments.of(
                        DEPLOYMENTS,
                        withoutNamespace,
                        "Cannot normalise updated apps/v1/deployments web (uid " + DEPLOYMENT_UID
                                + ", resourceVersion 1042): metadata.namespace is missing"
                                + " but apps/v1/deployments is namespaced"),
                Arguments.of(
                        DEPLOYMENTS,
                        slashInName,
                        "Cannot normalise updated apps/v1/deployments shop/web/1 (uid " + DEPLOYMENT_UID
                                + ", resourceVersion 1042): metadata.name 'web/1' contains '/'"),
                Arguments.of(
                        CLUSTER_ROLES,
                        namespacedClusterRole,
                        "Cannot normalise updated rbac.authorization.k8s.io/v1/clusterroles shop/admin (uid "
                                + CLUSTER_ROLE_UID + ", resourceVersion 77): metadata.namespace is 'shop'"
                                + " but rbac.authorization.k8s.io/v1/clusterroles is cluster-scoped"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("objectsThatCannotBecomeEvents")
    void objectThatCannotBecomeAnEventFailsNamingTheObject(
            ResourceType type, GenericKubernetesResource object, String message) {
        assertThatThrownBy(() -> normaliser.normalise(type, Operation.UPDATED, object, OBSERVED_AT))
                .isInstanceOf(EventNormalisationException.class)
                .hasMessage(message);
    }

    @Test
    void objectThatCannotBeSerialisedFailsNamingTheObject() {
        GenericKubernetesResource object = deployment("1042");
        object.getAdditionalProperties().put("spec", new Unserialisable());

        assertThatThrownBy(() -> normaliser.normalise(DEPLOYMENTS, Operation.UPDATED, object, OBSERVED_AT))
                .isInstanceOf(EventNormalisationException.class)
                .hasMessageStartingWith("Cannot normalise updated apps/v1/deployments shop/web (uid " + DEPLOYMENT_UID
                        + ", resourceVersion 1042): ")
                .hasCauseInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"shop, web, shop/web", "null, admin, admin", "'', admin, admin"})
    void partitionKeyIsNamespaceAndNameOrTheNameAlone(String namespace, String name, String partitionKey) {
        assertThat(EventNormaliser.partitionKey(namespace, name)).isEqualTo(partitionKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "prod eu", "prod/eu", "prod?eu", "prod#eu"})
    void clusterNameThatCannotFormTheSourceIsRejected(String clusterName) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EventNormaliser(clusterName))
                .withMessageContaining("Cluster name '" + clusterName + "'");
    }

    @Test
    void filledInApiVersionAndKindComeFirstAsKubernetesWritesThem() {
        CloudEvent event = normaliser.normalise(PODS, Operation.SNAPSHOT, pod(false), OBSERVED_AT);

        assertThat(JSON.readTree(event.getData().toBytes()).propertyNames())
                .containsExactly("apiVersion", "kind", "metadata", "spec");
    }

    /** Stands for anything Jackson cannot write. */
    public static final class Unserialisable {
        public String getValue() {
            throw new IllegalStateException("cannot be read");
        }
    }
}
