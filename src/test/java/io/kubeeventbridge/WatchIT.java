package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Watches of the query API over real HTTP: a fabric8 informer, and the raw stream, against the running bridge. */
@SharedKafkaBroker
class WatchIT extends BridgeTestBase {

    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    private int port;

    private KubernetesClient bridge;

    @AfterEach
    void closeBridgeClient() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void aFabric8InformerOnTheBridgeStaysInSyncThroughCreatesUpdatesAndDeletes() {
        String namespace = "watch-informer";
        create(namespace, "before");
        bridge = clientOfTheBridge();
        SharedIndexInformer<Pod> informer = bridge.pods().inNamespace(namespace).inform();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(names(informer)).containsExactly("before"));

            create(namespace, "created");
            client.pods()
                    .inNamespace(namespace)
                    .withName("before")
                    .edit(pod -> new PodBuilder(pod)
                            .editMetadata()
                            .addToLabels("edited", "yes")
                            .endMetadata()
                            .build());
            create(namespace, "short-lived");
            client.pods().inNamespace(namespace).withName("short-lived").delete();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(names(informer)).containsExactlyInAnyOrder("before", "created");
                assertThat(informer.getIndexer()
                                .getByKey(namespace + "/before")
                                .getMetadata()
                                .getLabels())
                        .containsEntry("edited", "yes");
            });
        } finally {
            informer.close();
        }
    }

    @Test
    void aFabric8InformerOnTheBridgeStaysInSyncThroughARelistOfTheBridge() {
        InformerOnTheBridgeScenario scenario = new InformerOnTheBridgeScenario("watch-relist");
        bridge = clientOfTheBridge();
        SharedIndexInformer<GenericKubernetesResource> informer = bridge.genericKubernetesResources(
                        InformerOnTheBridgeScenario.WIDGETS)
                .inNamespace("watch-relist")
                .inform();
        try {
            scenario.run(() -> informer.getStore().list().stream()
                    .collect(Collectors.toMap(
                            widget -> widget.getMetadata().getName(),
                            widget -> Objects.requireNonNullElse(
                                    widget.getMetadata().getLabels(), Map.of()))));
        } finally {
            informer.close();
        }
    }

    @Test
    void aWatchFromAListsVersionStreamsEachLaterChangeAsGetReturnsTheObject() throws Exception {
        String namespace = "watch-stream";
        create(namespace, "listed");
        String list = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/k8s/api/v1/namespaces/" + namespace + "/pods"), body -> body.contains("listed"));
        String resourceVersion =
                JSON.readTree(list).at("/metadata/resourceVersion").asString();

        HttpResponse<InputStream> watch = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri("/k8s/api/v1/namespaces/" + namespace
                                        + "/pods?watch=1&timeoutSeconds=30&resourceVersion=" + resourceVersion))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.body(), StandardCharsets.UTF_8))) {
            assertThat(watch.statusCode()).isEqualTo(200);
            assertThat(watch.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            create(namespace, "watched");

            JsonNode event = JSON.readTree(
                    CompletableFuture.supplyAsync(() -> readLine(lines)).get(30, TimeUnit.SECONDS));

            assertThat(event.at("/type").asString()).isEqualTo("ADDED");
            assertThat(event.at("/object/metadata/name").asString()).isEqualTo("watched");
            assertThat(event.get("object"))
                    .isEqualTo(JSON.readTree(get("/k8s/api/v1/namespaces/" + namespace + "/pods/watched")));
        }
    }

    @Test
    void aWatchFromBeforeTheWindowIsGoneWithExpired() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mvc.get().uri("/k8s/api/v1/pods")).hasStatusOk());

        assertThat(mvc.get().uri("/k8s/api/v1/pods?watch=true&resourceVersion=1"))
                .hasStatus(HttpStatus.GONE)
                .bodyJson()
                .extractingPath("$.reason")
                .isEqualTo("Expired");
    }

    /** A fabric8 client of the bridge's query API, as of an API server. */
    private KubernetesClient clientOfTheBridge() {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty())
                        .withMasterUrl("http://localhost:" + port + "/k8s")
                        .build())
                .build();
    }

    private void create(String namespace, String name) {
        client.pods().inNamespace(namespace).resource(pod(name)).create();
    }

    private static List<String> names(SharedIndexInformer<Pod> informer) {
        return informer.getStore().list().stream()
                .map(pod -> pod.getMetadata().getName())
                .toList();
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
