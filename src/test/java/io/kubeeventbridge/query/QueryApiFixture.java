package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.kubeeventbridge.config.QuerySettings;
import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.discovery.ClusterVersion;
import io.kubeeventbridge.discovery.ResourceAliases;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.FixedResourceCache;
import io.kubeeventbridge.informer.ResourceCacheDirectory;
import io.kubeeventbridge.lifecycle.BackgroundThreads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/** The query controllers, standalone, over fixed caches: pods in shop and payments, deployments, clusterroles. */
final class QueryApiFixture {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "deployments", "Deployment", true);
    static final ResourceType CLUSTER_ROLES =
            new ResourceType("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false);

    static final String CLUSTER_VERSION = "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.2\"}";
    static final ResourceAliases ALIASES = new ResourceAliases();
    static final TableRenderer TABLES = new TableRenderer(Clock.fixed(NOW, ZoneOffset.UTC));

    static {
        ALIASES.record(PODS, new ResourceAliases.Aliases("pod", List.of("po"), List.of("all")));
    }

    final FixedResourceCache pods = new FixedResourceCache(PODS);
    final FixedResourceCache deployments = new FixedResourceCache(DEPLOYMENTS);
    final FixedResourceCache clusterRoles = new FixedResourceCache(CLUSTER_ROLES);
    final MockMvcTester mvc;

    QueryApiFixture() {
        pods.put(pod("shop", "web-1", Map.of("app", "web", "tier", "front"), "Running", "node-1"));
        pods.put(pod("shop", "web-2", Map.of("app", "web", "tier", "front", "canary", "true"), "Pending", "node-2"));
        pods.put(pod("shop", "api-1", Map.of("app", "api"), "Running", "node-1"));
        pods.put(pod("payments", "pay-1", Map.of("app", "pay", "tier", "back"), "Succeeded", "node-2"));
        pods.put(pod("payments", "batch-1", Map.of(), "Failed", "node-3"));
        deployments.put(object("apps/v1", "Deployment", "shop", "web", Map.of("app", "web")));
        clusterRoles.put(object("rbac.authorization.k8s.io/v1", "ClusterRole", null, "admin", Map.of()));
        clusterRoles.put(object("rbac.authorization.k8s.io/v1", "ClusterRole", null, "view", Map.of()));
        mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(
                        new DiscoveryController(
                                FixedResourceCache.all(pods, deployments, clusterRoles),
                                ALIASES,
                                new ClusterVersion(() -> CLUSTER_VERSION)),
                        new ObjectQueryController(
                                FixedResourceCache.all(pods, deployments, clusterRoles),
                                TABLES,
                                watchStreams(TestProperties.bind("bridge.query.max-watches=2")
                                        .query())),
                        new OpenApiController(),
                        new ReadOnlyFallbackController())
                .setControllerAdvice(new StatusExceptionHandler())
                .build());
    }

    /** Watches written and timed on daemon threads, as the application's, with a fixed spread of timeouts. */
    static WatchStreams watchStreams(QuerySettings settings) {
        return new WatchStreams(
                settings,
                JsonMapper.shared(),
                TABLES,
                Executors.newSingleThreadExecutor(BackgroundThreads.daemons("test-watch-writer")),
                BackgroundThreads.scheduler("test-watch-timer"),
                () -> 0.5,
                new SimpleMeterRegistry());
    }

    ResourceCacheDirectory caches() {
        return FixedResourceCache.all(pods, deployments, clusterRoles);
    }

    static GenericKubernetesResource pod(
            String namespace, String name, Map<String, String> labels, String phase, String node) {
        GenericKubernetesResource pod = object("v1", "Pod", namespace, name, labels);
        pod.setAdditionalProperty("spec", Map.of("nodeName", node, "priority", 7));
        pod.setAdditionalProperty("status", Map.of("phase", phase));
        return pod;
    }

    static GenericKubernetesResource object(
            String apiVersion, String kind, String namespace, String name, Map<String, String> labels) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(apiVersion)
                .withKind(kind)
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withLabels(labels)
                .withResourceVersion("10")
                .withUid(name + "-uid")
                .withCreationTimestamp("2025-06-01T11:55:00Z")
                .endMetadata()
                .build();
    }
}
