package io.kubeeventbridge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeeventbridge.support.SharedKafkaBroker;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An informer of the official JavaScript client, {@code @kubernetes/client-node}, on the bridge's query API: it stays
 * in sync through creates, updates, deletes and a relist of the bridge. The client needs Node 22, newer than many
 * machines have, so the test installs both with npm into {@code target/client-node}; it is skipped when npm is not
 * on the PATH or the install fails (no registry reachable).
 */
@SharedKafkaBroker
class ClientNodeInformerIT extends BridgeTestBase {

    private static final Logger log = LoggerFactory.getLogger(ClientNodeInformerIT.class);

    private static final Path HOME = Path.of("target", "client-node").toAbsolutePath();
    private static final Path NODE = HOME.resolve("node_modules/.bin/node");
    // Not inherited: the output of a child process would corrupt the test JVM's channel to Maven.
    private static final File LOG = HOME.resolve("output.log").toFile();
    private static final List<String> PACKAGES = List.of("node@22.23.3", "@kubernetes/client-node@2.0.1");
    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void install() throws Exception {
        Files.createDirectories(HOME);
        assumeTrue(run(List.of("npm", "--version")), "npm is not on the PATH");
        try (InputStream script = ClientNodeInformerIT.class.getResourceAsStream("/client-node/informer.mjs")) {
            Files.copy(script, HOME.resolve("informer.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> install =
                new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix=" + HOME));
        install.addAll(PACKAGES);
        assumeTrue(run(install), "npm could not install " + String.join(" ", PACKAGES) + "; see " + LOG);
        // The node package fetches its binary in an install script, which an npm that runs no scripts skips.
        assumeTrue(run(List.of(NODE.toString(), "--version")), "npm installed no runnable Node 22; see " + LOG);
    }

    @Test
    void anInformerOfClientNodeStaysInSyncThroughChangesAndARelistOfTheBridge() throws Exception {
        InformerOnTheBridgeScenario scenario = new InformerOnTheBridgeScenario("client-node");
        Process informer = new ProcessBuilder(
                        NODE.toString(),
                        "informer.mjs",
                        "http://localhost:" + port + "/k8s",
                        InformerOnTheBridgeScenario.WIDGETS.getGroup(),
                        InformerOnTheBridgeScenario.WIDGETS.getVersion(),
                        InformerOnTheBridgeScenario.WIDGETS.getPlural(),
                        "client-node")
                .directory(HOME.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(LOG))
                .start();
        AtomicReference<Map<String, Map<String, String>>> held = new AtomicReference<>(Map.of());
        Thread reader = new Thread(() -> readReports(informer.getInputStream(), held), "client-node-informer");
        reader.setDaemon(true);
        reader.start();
        try {
            scenario.run(held::get);
        } finally {
            informer.destroy();
            informer.waitFor(10, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Keeps the objects of the informer's latest report; logs its errors, which it recovers from by itself. */
    private static void readReports(InputStream output, AtomicReference<Map<String, Map<String, String>>> held) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode report = JSON.readTree(line);
                if (report.has("error")) {
                    System.out.println(
                            "client-node informer: " + report.get("error").asString());
                } else {
                    held.set(objects(report.get("objects")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, String>> objects(JsonNode report) {
        Map<String, Map<String, String>> objects = new LinkedHashMap<>();
        report.properties().forEach(object -> {
            Map<String, String> labels = new LinkedHashMap<>();
            object.getValue()
                    .properties()
                    .forEach(
                            label -> labels.put(label.getKey(), label.getValue().asString()));
            objects.put(object.getKey(), labels);
        });
        return objects;
    }

    /** Whether {@code command} ran and succeeded within five minutes. */
    private static boolean run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG))
                    .start();
            return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException notFound) {
            return false;
        }
    }
}
