package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real kubectl against the running bridge: discovery, tables, selectors and chunked lists, as a user would type
 * them. Skipped when kubectl is not on the PATH.
 */
@SharedKafkaBroker
class KubectlIT extends BridgeTestBase {

    private static final String NAMESPACE = "kubectl-it";

    @LocalServerPort
    private int port;

    @TempDir
    private static Path home;

    @BeforeAll
    static void seed() {
        assumeTrue(kubectl() != null, "kubectl is not on the PATH");
        createPod("web-1", "web", "Running");
        createPod("web-2", "web", "Pending");
        createPod("api-1", "api", "Running");
        createPod("api-2", "api", "Succeeded");
        createPod("db-1", "db", "Running");
    }

    @Test
    void getPodsInNamespaceAsJsonGivesTheCachedObjects() {
        awaitPods();
        assertThat(names(json("get", "pods", "-n", NAMESPACE, "-o", "json")))
                .containsExactly("api-1", "api-2", "db-1", "web-1", "web-2");
    }

    @Test
    void getPodsInAllNamespacesIncludesOtherNamespaces() {
        awaitPods();
        JsonNode list = json("get", "pods", "-A", "-o", "json");
        assertThat(names(list)).contains("web-1", "db-1", "early-1");
    }

    @Test
    void labelSelectorNarrowsTheList() {
        awaitPods();
        assertThat(names(json("get", "pods", "-n", NAMESPACE, "-l", "app in (web,db),app!=db", "-o", "json")))
                .containsExactly("web-1", "web-2");
    }

    @Test
    void fieldSelectorOnStatusPhaseNarrowsTheList() {
        awaitPods();
        assertThat(names(
                        json("get", "pods", "-n", NAMESPACE, "--field-selector", "status.phase=Running", "-o", "json")))
                .containsExactly("api-1", "db-1", "web-1");
    }

    @Test
    void chunkedListGivesEveryObjectOnce() {
        awaitPods();
        assertThat(run("get", "pods", "-n", NAMESPACE, "--chunk-size", "2", "-o", "name")
                        .lines()
                        .toList())
                .containsExactly("pod/api-1", "pod/api-2", "pod/db-1", "pod/web-1", "pod/web-2");
    }

    @Test
    void plainGetPrintsATidyTable() {
        awaitPods();
        List<String> lines = run("get", "pods", "-n", NAMESPACE).lines().toList();
        assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "AGE");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).startsWith("api-1");
        List<String> all = run("get", "pods", "-A", "-l", "app=db").lines().toList();
        assertThat(all.get(0).split("\\s+")).containsExactly("NAMESPACE", "NAME", "AGE");
        assertThat(all.get(1).split("\\s+")).startsWith(NAMESPACE, "db-1");
    }

    @Test
    void getOneObjectAndAMissingOne() {
        awaitPods();
        assertThat(json("get", "pod", "web-1", "-n", NAMESPACE, "-o", "json")
                        .at("/metadata/name")
                        .asString())
                .isEqualTo("web-1");
        Result missing = execute("get", "pod", "nobody", "-n", NAMESPACE);
        assertThat(missing.exitCode()).isNotZero();
        // On NotFound kubectl looks the namespace up, which the bridge answers although it does not watch namespaces.
        assertThat(missing.stderr()).contains("Error from server (NotFound): pods \"nobody\" not found");
    }

    @Test
    void shortNamesAndTheAllCategoryResolveAsAgainstTheCluster() {
        awaitPods();
        assertThat(run("get", "po", "-n", NAMESPACE, "-o", "name").lines().toList())
                .contains("pod/web-1", "pod/db-1");
        createPod("scoped-a", "all-1", "web", "Running");
        MockKubernetes.client()
                .apps()
                .deployments()
                .inNamespace("scoped-a")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("all-web")
                        .addToLabels("tier", "web")
                        .endMetadata()
                        .build())
                .create();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(run("get", "all", "-n", "scoped-a", "-o", "name")
                                .lines()
                                .toList())
                        .contains("pod/all-1", "deployment.apps/all-web"));
        assertThat(run("get", "deploy", "-n", "scoped-a", "-o", "name")).contains("deployment.apps/all-web");
    }

    @Test
    void versionIsTheClustersAndExplainPointsToIt() {
        assertThat(json("version", "-o", "json").at("/serverVersion/gitVersion").asString())
                .isEqualTo("v1.33.1");
        // kubectl words a 404 of the OpenAPI documents its own way; the Status says why (KubectlHabitsApiTest).
        Result explain = execute("explain", "pods");
        assertThat(explain.exitCode()).isNotZero();
        assertThat(explain.stderr()).contains("NotFound");
    }

    @Test
    void getWithWatchPrintsTheTableThenARowForEachChangeAsItHappens() throws IOException {
        String namespace = "kubectl-watch";
        createPod(namespace, "first", "web", "Running");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(names(json("get", "pods", "-n", namespace, "-o", "json")))
                        .containsExactly("first"));
        Process watch = start("get", "pods", "-n", namespace, "-w");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))
                        .lines()
                        .forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(lines).hasSize(2));
            assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "AGE");
            assertThat(lines.get(1)).startsWith("first ");

            createPod(namespace, "second", "web", "Pending");

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(lines).anyMatch(line -> line.startsWith("second ")));
            assertThat(lines.get(0).split("\\s+")).containsExactly("NAME", "AGE");
        } finally {
            watch.destroy();
        }
    }

    private void awaitPods() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(names(json("get", "pods", "-n", NAMESPACE, "-o", "json")))
                        .hasSize(5));
    }

    private JsonNode json(String... arguments) {
        return JsonMapper.shared().readTree(run(arguments));
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.at("/items").forEach(item -> names.add(item.at("/metadata/name").asString()));
        return names;
    }

    private String run(String... arguments) {
        Result result = execute(arguments);
        assertThat(result.exitCode())
                .as("kubectl %s: %s", String.join(" ", arguments), result.stderr())
                .isZero();
        return result.stdout();
    }

    private Result execute(String... arguments) {
        try {
            Process process = start(arguments);
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), stdout, Files.readString(home.resolve("stderr")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                kubectl(),
                "--server",
                "http://localhost:" + port + "/k8s",
                "--kubeconfig",
                home.resolve("empty-kubeconfig").toString(),
                "--cache-dir",
                home.resolve("cache").toString(),
                "--request-timeout",
                "10s"));
        command.addAll(Arrays.asList(arguments));
        Files.writeString(home.resolve("empty-kubeconfig"), "");
        return new ProcessBuilder(command)
                .redirectError(home.resolve("stderr").toFile())
                .start();
    }

    private static String kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(directory -> new File(directory, "kubectl"))
                .filter(File::canExecute)
                .map(File::getAbsolutePath)
                .findFirst()
                .orElse(null);
    }

    private static void createPod(String name, String app, String phase) {
        createPod(NAMESPACE, name, app, phase);
    }

    private static void createPod(String namespace, String name, String app, String phase) {
        Pod pod = new PodBuilder(pod(name))
                .editMetadata()
                .addToLabels("app", app)
                .endMetadata()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
        MockKubernetes.client().pods().inNamespace(namespace).resource(pod).create();
    }

    private record Result(int exitCode, String stdout, String stderr) {}
}
