package io.kubeeventbridge.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic, realistic objects for the benchmarks: pods and deployments whose compact JSON is 2–8 KB (labels,
 * annotations, containers with env vars, resources, probes, status), decoded into the {@link
 * GenericKubernetesResource} the bridge's informers hold, by fabric8's own deserialiser.
 */
public final class Workload {

    public static final int MIN_BYTES = 2 * 1024;
    public static final int MAX_BYTES = 8 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private final Random random;
    private int resourceVersion = 1000;

    public Workload(long seed) {
        this.random = new Random(seed);
    }

    /** One object as compact JSON: a deployment every fourth time when {@code withDeployments}, a pod otherwise. */
    public byte[] nextJson(int index, int namespaces, boolean withDeployments) {
        String namespace = "ns-" + (index % namespaces);
        boolean deployment = withDeployments && index % 4 == 3;
        int target = MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES);
        ObjectNode object = deployment ? deployment(namespace, "deploy-" + index) : pod(namespace, "pod-" + index);
        ArrayNode containers = deployment
                ? (ArrayNode) object.get("spec").get("template").get("spec").get("containers")
                : (ArrayNode) object.get("spec").get("containers");
        // Serialised once: each env var adds exactly {"name":"…","value":"…"} (22 bytes + name + value) and a comma.
        int length = JSON.writeValueAsBytes(object).length;
        for (int variable = 0; length < target; variable++) {
            ArrayNode env =
                    (ArrayNode) containers.get(variable % containers.size()).get("env");
            String name = "SETTING_" + variable;
            String value = word(8 + random.nextInt(40));
            length += 22 + name.length() + value.length() + (env.isEmpty() ? 0 : 1);
            env.addObject().put("name", name).put("value", value);
        }
        return JSON.writeValueAsBytes(object);
    }

    public static GenericKubernetesResource decode(byte[] json) {
        return FABRIC8.unmarshal(new java.io.ByteArrayInputStream(json), GenericKubernetesResource.class);
    }

    private ObjectNode pod(String namespace, String name) {
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        metadata(pod, namespace, name);
        ObjectNode spec = pod.putObject("spec");
        podSpec(spec, name);
        ObjectNode status = pod.putObject("status")
                .put("phase", "Running")
                .put("hostIP", "10.0." + random.nextInt(256) + "." + random.nextInt(256))
                .put("podIP", "10.244." + random.nextInt(256) + "." + random.nextInt(256))
                .put("startTime", "2026-11-01T10:00:00Z")
                .put("qosClass", "Burstable");
        ArrayNode conditions = status.putArray("conditions");
        for (String type : new String[] {"PodScheduled", "Initialized", "ContainersReady", "Ready"}) {
            conditions
                    .addObject()
                    .put("type", type)
                    .put("status", "True")
                    .put("lastTransitionTime", "2026-11-01T10:00:0" + random.nextInt(10) + "Z");
        }
        ArrayNode statuses = status.putArray("containerStatuses");
        spec.get("containers")
                .forEach(container -> statuses.addObject()
                        .put("name", container.get("name").asString())
                        .put("image", container.get("image").asString())
                        .put("imageID", "docker-pullable://registry.example.com/" + word(12) + "@sha256:" + hex(64))
                        .put("containerID", "containerd://" + hex(64))
                        .put("ready", true)
                        .put("restartCount", random.nextInt(3))
                        .put("started", true)
                        .putObject("state")
                        .putObject("running")
                        .put("startedAt", "2026-11-01T10:00:05Z"));
        return pod;
    }

    private ObjectNode deployment(String namespace, String name) {
        ObjectNode deployment =
                JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
        metadata(deployment, namespace, name);
        ObjectNode spec = deployment.putObject("spec").put("replicas", 1 + random.nextInt(5));
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        spec.putObject("strategy")
                .put("type", "RollingUpdate")
                .putObject("rollingUpdate")
                .put("maxSurge", "25%")
                .put("maxUnavailable", "25%");
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", name);
        podSpec(template.putObject("spec"), name);
        deployment
                .putObject("status")
                .put("observedGeneration", 1 + random.nextInt(10))
                .put("replicas", 3)
                .put("readyReplicas", 3)
                .put("availableReplicas", 3);
        return deployment;
    }

    private void metadata(ObjectNode object, String namespace, String name) {
        ObjectNode metadata = object.putObject("metadata")
                .put("name", name)
                .put("namespace", namespace)
                .put("uid", new UUID(random.nextLong(), random.nextLong()).toString())
                .put("resourceVersion", Integer.toString(resourceVersion++))
                .put("creationTimestamp", "2026-11-01T10:00:00Z");
        ObjectNode labels = metadata.putObject("labels")
                .put("app", "app-" + random.nextInt(50))
                .put("tier", random.nextBoolean() ? "front" : "back")
                .put("pod-template-hash", hex(10));
        for (int i = random.nextInt(4); i > 0; i--) {
            labels.put("team.example.com/" + word(6), word(8));
        }
        metadata.putObject("annotations")
                .put("prometheus.io/scrape", "true")
                .put("prometheus.io/port", "9090")
                .put("example.com/owner", word(10) + "@example.com");
    }

    private void podSpec(ObjectNode spec, String name) {
        spec.put("nodeName", "node-" + random.nextInt(20))
                .put("serviceAccountName", "default")
                .put("restartPolicy", "Always")
                .put("terminationGracePeriodSeconds", 30)
                .put("dnsPolicy", "ClusterFirst");
        ArrayNode containers = spec.putArray("containers");
        int count = 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            ObjectNode container = containers
                    .addObject()
                    .put("name", c == 0 ? "main" : "sidecar-" + c)
                    .put("image", "registry.example.com/" + name.replaceAll("-\\d+$", "") + ":1." + random.nextInt(20))
                    .put("imagePullPolicy", "IfNotPresent");
            container
                    .putArray("ports")
                    .addObject()
                    .put("containerPort", 8080 + c)
                    .put("protocol", "TCP");
            container.putArray("env");
            ObjectNode resources = container.putObject("resources");
            resources.putObject("requests").put("cpu", "100m").put("memory", "128Mi");
            resources.putObject("limits").put("cpu", "500m").put("memory", "512Mi");
            container
                    .putObject("readinessProbe")
                    .put("periodSeconds", 10)
                    .putObject("httpGet")
                    .put("path", "/ready")
                    .put("port", 8080 + c);
            container
                    .putArray("volumeMounts")
                    .addObject()
                    .put("name", "kube-api-access")
                    .put("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount")
                    .put("readOnly", true);
        }
        spec.putArray("volumes").addObject().put("name", "kube-api-access").putObject("projected");
    }

    private String word(int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private String hex(int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Integer.toHexString(random.nextInt(16)));
        }
        return hex.toString().toLowerCase(Locale.ROOT);
    }
}
