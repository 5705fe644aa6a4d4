package io.kubeeventbridge.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Renders the chart in {@code helm/} with the Helm library bundled by helm-java; no cluster needed. */
class HelmChartTest {

    private static final Path CHART = Path.of("helm");
    private static final Path TEST_VALUES = Path.of("src/test/resources/helm");
    private static final String RELEASE = "bridge";
    private static final String NAMESPACE = "monitoring";
    private static final List<String> READ_ONLY = List.of("get", "list", "watch");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed())
                .as("lint messages: %s", result.getMessages())
                .isFalse();
    }

    @Test
    void defaultValuesRenderOnlyKubernetesObjects() {
        assertThat(renderDefaults())
                .extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder(
                        "ServiceAccount",
                        "ConfigMap",
                        "ClusterRole",
                        "ClusterRoleBinding",
                        "Service",
                        "Deployment",
                        "NetworkPolicy",
                        "PodDisruptionBudget",
                        "Role",
                        "RoleBinding");
    }

    @Test
    void byDefaultTwoReplicasElectALeaderOnALeaseOnlyTheyMayRenew() {
        List<HasMetadata> objects = renderDefaults();
        Deployment deployment = only(objects, Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(child(child(applicationYaml(objects), "bridge"), "leader-election"))
                .containsEntry("enabled", true);
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("POD_NAMESPACE");
                    assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
                });
        assertThat(deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity())
                .isNotNull();
        assertThat(only(objects, io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class)
                        .getSpec()
                        .getMinAvailable()
                        .getIntVal())
                .isEqualTo(1);

        Role election = only(objects, Role.class);
        assertThat(election.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(election.getRules())
                .extracting(PolicyRule::getResources, PolicyRule::getResourceNames, PolicyRule::getVerbs)
                .containsExactly(
                        tuple(List.of("leases"), List.of(), List.of("create")),
                        tuple(
                                List.of("leases"),
                                List.of("kube-event-bridge-default"),
                                List.of("get", "update", "patch")));
    }

    @Test
    void severalReplicasWithoutLeaderElectionFailRendering() {
        assertThatThrownBy(() -> render("replicas-without-election-values.yaml"))
                .hasMessageContaining("replicaCount above 1 needs leaderElection.enabled");
    }

    @Test
    void defaultValuesGrantGetListWatchOnPodsAndDeploymentsOnly() {
        assertThat(rulesOf(renderDefaults()))
                .containsExactlyInAnyOrder(readOnly("", "pods"), readOnly("apps", "deployments"));
    }

    @Test
    void customValuesGrantGetListWatchOnExactlyTheConfiguredResources() {
        List<HasMetadata> objects = render("custom-resources-values.yaml");

        assertThat(rulesOf(objects))
                .containsExactlyInAnyOrder(
                        readOnly("example.com", "widgets"), readOnly("rbac.authorization.k8s.io", "clusterroles"));
        // Pods are watched in two namespaces only: a Role in each, not a cluster-wide grant.
        assertThat(roleRulesByNamespace(objects))
                .containsOnlyKeys("shop", "payments")
                .containsEntry("shop", List.of(readOnly("", "pods")))
                .containsEntry("payments", List.of(readOnly("", "pods")));
    }

    @Test
    void eachRoleIsBoundToTheBridgeServiceAccountInItsNamespace() {
        List<HasMetadata> objects = render("custom-resources-values.yaml");
        List<RoleBinding> bindings = watchRoles(objects, RoleBinding.class);

        assertThat(bindings)
                .extracting(b -> b.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("shop", "payments");
        assertThat(bindings).allSatisfy(binding -> {
            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(all(objects, Role.class))
                    .anySatisfy(role -> assertThat(role.getMetadata())
                            .extracting(m -> m.getName(), m -> m.getNamespace())
                            .containsExactly(
                                    binding.getRoleRef().getName(),
                                    binding.getMetadata().getNamespace()));
            assertThat(binding.getSubjects())
                    .extracting(s -> s.getKind(), s -> s.getName(), s -> s.getNamespace())
                    .containsExactly(tuple("ServiceAccount", "bridge-kube-event-bridge", NAMESPACE));
        });
    }

    @Test
    void queryAuthAddsTokenReviewAndSubjectAccessReviewCreateAndNothingElse() {
        List<HasMetadata> objects = render("query-auth-values.yaml");

        assertThat(rulesOf(objects))
                .containsExactlyInAnyOrder(
                        tuple(List.of("authentication.k8s.io"), List.of("tokenreviews"), List.of("create")),
                        tuple(List.of("authorization.k8s.io"), List.of("subjectaccessreviews"), List.of("create")));
        assertThat(roleRulesByNamespace(objects)).containsExactly(entry("shop", List.of(readOnly("", "configmaps"))));
        assertThat(rulesOf(renderDefaults()))
                .noneSatisfy(rule -> assertThat(rule.toList()).contains(List.of("create")));
    }

    @Test
    void valuesWithATypoAreRejectedByTheSchema() {
        assertThatThrownBy(() -> render("typo-values.yaml"))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("resouces")
                .hasMessageContaining("bootstrapServer");
        assertThatThrownBy(() -> render("bad-enum-values.yaml")).hasMessageContaining("secret-values");
    }

    @Test
    void queryKeysAndAuthModesOutsideWhatTheServiceKnowsAreRejectedByTheSchema() {
        assertThatThrownBy(() -> render("query-typo-values.yaml"))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("auht");
        assertThatThrownBy(() -> render("query-bad-auth-values.yaml"))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("auth");
    }

    @Test
    void byDefaultOnlyTheReleaseNamespaceReachesTheQueryApiAndTheActuatorHasItsOwnPort() {
        List<HasMetadata> objects = renderDefaults();
        NetworkPolicy policy = only(objects, NetworkPolicy.class);
        assertThat(policy.getSpec().getIngress()).hasSize(2);
        NetworkPolicyIngressRule query = policy.getSpec().getIngress().get(0);
        assertThat(query.getPorts())
                .extracting(port -> port.getPort().getStrVal())
                .containsExactly("http");
        assertThat(query.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getPodSelector()).isNotNull();
            assertThat(peer.getNamespaceSelector()).isNull();
        });
        NetworkPolicyIngressRule management = policy.getSpec().getIngress().get(1);
        assertThat(management.getPorts())
                .extracting(port -> port.getPort().getStrVal())
                .containsExactly("management");

        Container bridge = only(objects, Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(bridge.getPorts())
                .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(tuple("http", 8080), tuple("management", 8081));
        assertThat(bridge.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("management");
        assertThat(bridge.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(child(child(applicationYaml(objects), "management"), "server"))
                .containsEntry("port", 8081);
    }

    @Test
    void schemaAcceptsEveryPropertyTheServiceDefines() {
        Map<String, Object> bridge = child(applicationYaml(render("every-bridge-property-values.yaml")), "bridge");

        assertThat(bridge)
                .containsKeys("cluster-name", "resources", "kafka", "informer", "payload", "query", "leader-election");
    }

    @Test
    void hashModeWithoutAKeySecretFailsRendering() {
        assertThatThrownBy(() -> render("hash-without-key-values.yaml"))
                .hasMessageContaining("set secretHashKey.existingSecret");
    }

    @Test
    void productionValuesWireTlsSaslAndTheHashKeyWithoutPuttingSecretsInTheConfigMap() {
        List<HasMetadata> objects = render("production-values.yaml");
        Map<String, Object> applicationYaml = applicationYaml(objects);
        Map<String, Object> kafka = child(child(applicationYaml, "spring"), "kafka");
        PodSpec pod = podSpec(objects);
        Container bridge = pod.getContainers().get(0);

        assertThat(child(kafka, "security")).containsEntry("protocol", "SASL_SSL");
        assertThat(child(kafka, "ssl"))
                .containsEntry("trust-store-type", "PEM")
                .containsEntry("trust-store-location", "file:/etc/kube-event-bridge/kafka-ca/ca.crt");
        assertThat(child(kafka, "properties"))
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required "
                                + "username=\"${KAFKA_SASL_USERNAME}\" password=\"${KAFKA_SASL_PASSWORD}\";");
        assertThat(bridge.getEnv())
                .filteredOn(env -> env.getName().startsWith("KAFKA_SASL_"))
                .extracting(env -> env.getValueFrom().getSecretKeyRef().getName())
                .containsExactly("bridge-kafka-user", "bridge-kafka-user");
        assertThat(child(child(applicationYaml, "bridge"), "payload"))
                .containsEntry("secret-values", "hash")
                .containsEntry("secret-hash-key-file", "/etc/kube-event-bridge/hash-key/key");
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getSecret() != null)
                .extracting(v -> v.getSecret().getSecretName())
                .containsExactlyInAnyOrder("bridge-hash-key", "kafka-cluster-ca");
        // Mode 0440 is readable by the bridge only through the pod's fsGroup, which is the bridge's group.
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals("hash-key"))
                .singleElement()
                .extracting(v -> v.getSecret().getDefaultMode())
                .isEqualTo(0440);
        assertThat(pod.getSecurityContext().getFsGroup())
                .isEqualTo(pod.getSecurityContext().getRunAsGroup())
                .isEqualTo(10001L);
        assertThat(bridge.getVolumeMounts())
                .extracting(m -> m.getMountPath(), m -> m.getReadOnly())
                .contains(
                        tuple("/etc/kube-event-bridge/hash-key", true), tuple("/etc/kube-event-bridge/kafka-ca", true));
        assertThat(objects)
                .extracting(HasMetadata::getKind)
                .contains("ServiceMonitor", "NetworkPolicy", "PodDisruptionBudget");
    }

    @Test
    void onlyTheBridgeContainerGetsAShortLivedProjectedToken() {
        List<HasMetadata> objects = renderDefaults();
        PodSpec pod = podSpec(objects);

        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(only(objects, ServiceAccount.class).getAutomountServiceAccountToken())
                .isFalse();
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals("kube-api-access"))
                .singleElement()
                .satisfies(v -> assertThat(v.getProjected().getSources())
                        .anySatisfy(source -> assertThat(
                                        source.getServiceAccountToken().getExpirationSeconds())
                                .isEqualTo(3607L)));
        assertThat(pod.getContainers().get(0).getVolumeMounts())
                .extracting(m -> m.getName(), m -> m.getMountPath(), m -> m.getReadOnly())
                .contains(tuple("kube-api-access", "/var/run/secrets/kubernetes.io/serviceaccount", true));
    }

    @Test
    void kindsArePluralisedWithKubernetesRulesAndEachResourceIsGrantedOnce() {
        List<HasMetadata> objects = render("plural-values.yaml");

        assertThat(rulesOf(objects))
                .containsExactlyInAnyOrder(
                        readOnly("example.com", "networkpolicies"),
                        readOnly("example.com", "gateways"),
                        readOnly("example.com", "ingresses"),
                        readOnly("example.com", "boxes"),
                        readOnly("example.com", "quizes"),
                        readOnly("example.com", "batches"),
                        readOnly("example.com", "meshes"),
                        readOnly("example.com", "widgets"),
                        readOnly("", "endpoints"));
        assertThat(roleRulesByNamespace(objects))
                .containsEntry("shop", List.of(readOnly("", "pods")))
                .containsEntry("payments", List.of(readOnly("", "pods")));
    }

    @Test
    void groupEntriesAreGrantedEveryResourceOfTheirGroupAndCrdsWhenAsked() {
        List<HasMetadata> objects = render("group-entries-values.yaml");

        assertThat(rulesOf(objects))
                .containsExactlyInAnyOrder(
                        readOnly("example.com", "*"),
                        readOnly("", "pods"),
                        readOnly("apiextensions.k8s.io", "customresourcedefinitions"));
        assertThat(roleRulesByNamespace(objects))
                .containsOnlyKeys("shop", "payments")
                .containsEntry("shop", List.of(readOnly("other.example.com", "*")));
    }

    @Test
    void crdsAreGrantedOnlyWhenAskedAndOnlyWithAGroupEntry() {
        List<HasMetadata> notAsked = parse(template()
                .withValuesFile(TEST_VALUES.resolve("group-entries-values.yaml"))
                .set("rbac.watchCustomResourceDefinitions", "false")
                .call());
        List<HasMetadata> noGroupEntry = parse(
                template().set("rbac.watchCustomResourceDefinitions", "true").call());

        assertThat(rulesOf(notAsked)).doesNotContain(readOnly("apiextensions.k8s.io", "customresourcedefinitions"));
        assertThat(rulesOf(noGroupEntry)).doesNotContain(readOnly("apiextensions.k8s.io", "customresourcedefinitions"));
    }

    @Test
    void entryWithNeitherResourceNorKindFailsRenderingNamingTheEntry() {
        assertThatThrownBy(() -> render("missing-resource-values.yaml"))
                .hasMessageContaining("bridge.resources[1] (apps/v1): give either resource")
                .hasMessageContaining("or kind");
    }

    @Test
    void clusterRoleIsBoundToTheBridgeServiceAccountInTheReleaseNamespace() {
        List<HasMetadata> objects = renderDefaults();
        ClusterRole role = only(objects, ClusterRole.class);
        ClusterRoleBinding binding = only(objects, ClusterRoleBinding.class);
        String serviceAccount = only(objects, Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getServiceAccountName();

        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects())
                .extracting(s -> s.getKind(), s -> s.getName(), s -> s.getNamespace())
                .containsExactly(tuple("ServiceAccount", serviceAccount, NAMESPACE));
    }

    @Test
    void configMapCarriesTheConfiguredBridgeSectionAndKafkaBrokers() throws IOException {
        String valuesFile = "custom-resources-values.yaml";
        Map<String, Object> values = new Yaml().load(Files.readString(TEST_VALUES.resolve(valuesFile)));
        Map<String, Object> configuredBridge = child(values, "bridge");

        Map<String, Object> applicationYaml = applicationYaml(render(valuesFile));

        Map<String, Object> bridge = child(applicationYaml, "bridge");
        assertThat(bridge.get("resources")).isEqualTo(configuredBridge.get("resources"));
        assertThat(bridge).containsEntry("cluster-name", "prod-eu-1");
        assertThat(child(bridge, "kafka")).containsEntry("topic-template", "k8s.{group}.{kind}");
        assertThat(child(child(applicationYaml, "spring"), "kafka"))
                .containsEntry("bootstrap-servers", "broker-0.kafka:9092,broker-1.kafka:9092");
    }

    @Test
    void extraConfigAddsSpringPropertiesWithoutOverridingTheChartManagedOnes() {
        Map<String, Object> applicationYaml = applicationYaml(render("extra-config-values.yaml"));

        assertThat(child(child(applicationYaml, "spring"), "kafka"))
                .containsEntry("bootstrap-servers", "kafka.shared:9093")
                .containsEntry("security", Map.of("protocol", "SSL"));
        assertThat(child(applicationYaml, "management")).isNotEmpty();
        assertThat(child(applicationYaml, "bridge")).containsKey("resources");
    }

    @Test
    void deploymentMountsTheConfigMapWhereSpringLooksForIt() {
        List<HasMetadata> objects = renderDefaults();
        PodSpec pod = podSpec(objects);
        Container bridge = pod.getContainers().get(0);

        assertThat(bridge.getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(tuple("SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/config/"));
        assertThat(bridge.getVolumeMounts())
                .extracting(m -> m.getName(), m -> m.getMountPath())
                .contains(tuple("config", "/config"), tuple("tmp", "/tmp"));
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals("config"))
                .singleElement()
                .extracting(v -> v.getConfigMap().getName())
                .isEqualTo(only(objects, ConfigMap.class).getMetadata().getName());
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals("tmp"))
                .singleElement()
                .extracting(v -> v.getEmptyDir())
                .isNotNull();
    }

    @Test
    void configurationChangeChangesThePodTemplateChecksum() {
        String before = configChecksum(renderDefaults());
        String after = configChecksum(render("custom-resources-values.yaml"));

        assertThat(before).isNotBlank().isNotEqualTo(after);
        assertThat(configChecksum(renderDefaults())).isEqualTo(before);
    }

    @Test
    void bridgeRunsAsNonRootOnReadOnlyRootFilesystemWithoutCapabilities() {
        PodSpec pod = podSpec(renderDefaults());
        Container bridge = pod.getContainers().get(0);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(bridge.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(bridge.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(bridge.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(bridge.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(bridge.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
    }

    @Test
    void notesShowHowToPortForwardAndQueryTheCachedPods() {
        Release release = new Helm(CHART)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .clientOnly()
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .call();

        assertThat(release.getOutput())
                .contains("kubectl --namespace monitoring port-forward service/bridge-kube-event-bridge 8080:8080")
                .contains("kubectl --namespace monitoring port-forward service/bridge-kube-event-bridge 8081:8081")
                .contains("curl http://localhost:8080/k8s/api/v1/pods");
    }

    private static List<HasMetadata> renderDefaults() {
        return parse(template().call());
    }

    private static List<HasMetadata> render(String valuesFile) {
        return parse(template().withValuesFile(TEST_VALUES.resolve(valuesFile)).call());
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
    }

    /** Parses every rendered document as a typed Kubernetes object, failing on anything else. */
    private static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifests)) {
            if (document == null) {
                continue;
            }
            KubernetesResource object = SERIALIZATION.convertValue(document, KubernetesResource.class);
            assertThat(object).as("rendered document %s", document).isInstanceOf(HasMetadata.class);
            if (!((HasMetadata) object).getKind().equals("ServiceMonitor")) {
                // Everything but the Prometheus Operator's CRD must be a Kubernetes type fabric8 knows.
                assertThat(object)
                        .as("rendered document %s", document)
                        .isNotInstanceOf(GenericKubernetesResource.class);
            }
            objects.add((HasMetadata) object);
        }
        return objects;
    }

    private static List<Tuple> rulesOf(List<HasMetadata> objects) {
        List<PolicyRule> rules = only(objects, ClusterRole.class).getRules();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getResourceNames()).isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
        });
        return rules.stream()
                .map(rule -> tuple(rule.getApiGroups(), rule.getResources(), rule.getVerbs()))
                .toList();
    }

    private static Map<String, List<Tuple>> roleRulesByNamespace(List<HasMetadata> objects) {
        Map<String, List<Tuple>> rules = new TreeMap<>();
        for (Role role : watchRoles(objects, Role.class)) {
            assertThat(rules).doesNotContainKey(role.getMetadata().getNamespace());
            rules.put(
                    role.getMetadata().getNamespace(),
                    role.getRules().stream()
                            .map(rule -> tuple(rule.getApiGroups(), rule.getResources(), rule.getVerbs()))
                            .toList());
        }
        return rules;
    }

    /** The Roles (or their bindings) granting reads of watched resources, not the leader election's. */
    private static <T extends HasMetadata> List<T> watchRoles(List<HasMetadata> objects, Class<T> type) {
        return all(objects, type).stream()
                .filter(role -> !role.getMetadata().getName().endsWith("-leader-election"))
                .toList();
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Tuple readOnly(String apiGroup, String resource) {
        return tuple(List.of(apiGroup), List.of(resource), READ_ONLY);
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matches =
                objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matches).as("rendered %s objects", type.getSimpleName()).hasSize(1);
        return matches.get(0);
    }

    private static PodSpec podSpec(List<HasMetadata> objects) {
        return only(objects, Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static String configChecksum(List<HasMetadata> objects) {
        return only(objects, Deployment.class)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("checksum/config");
    }

    private static Map<String, Object> applicationYaml(List<HasMetadata> objects) {
        String applicationYaml = only(objects, ConfigMap.class).getData().get("application.yaml");
        return new Yaml().load(applicationYaml);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        assertThat(map).containsKey(key);
        return (Map<String, Object>) map.get(key);
    }
}
