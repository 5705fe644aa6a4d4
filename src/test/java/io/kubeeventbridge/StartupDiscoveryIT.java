package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.kubeeventbridge.informer.WatchCoordinator;
import io.kubeeventbridge.informer.WatchedEntry;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.support.SharedKafkaBroker;
import io.kubeeventbridge.support.SilentApiServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started against an API server that never answers, as a pod would be: discovery gives up after
 * bridge.informer.discovery-timeout under either policy. On the shared broker; the bridge builds its client the
 * standard fabric8 way, from system properties.
 */
@SharedKafkaBroker
@ExtendWith(OutputCaptureExtension.class)
class StartupDiscoveryIT extends BridgeTestBase {

    private static final Map<String, String> CLIENT_PROPERTIES = Map.of(
            Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false",
            Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");

    private final SilentApiServer apiServer = new SilentApiServer();

    @BeforeEach
    void pointTheBridgeAtTheSilentApiServer() {
        System.setProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, apiServer.url());
        CLIENT_PROPERTIES.forEach(System::setProperty);
    }

    @AfterEach
    void forgetIt() throws Exception {
        System.clearProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY);
        CLIENT_PROPERTIES.keySet().forEach(System::clearProperty);
        apiServer.close();
    }

    @Test
    void failPolicyStopsStartupWithAnAnalysisNamingTheApiServerNotAStackTrace(CapturedOutput output) {
        long start = System.nanoTime();

        assertThatThrownBy(() -> startBridge("fail").close());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Discovery did not finish within bridge.informer.discovery-timeout (1s), and "
                        + "bridge.informer.missing-resource is 'fail'. The API server at " + apiServer.url())
                .contains("bridge.resources[0] (v1/configmaps) was not resolved")
                .doesNotContain("at io.kubeeventbridge.informer.WatchCoordinator.start");
    }

    @Test
    void waitPolicyStartsAndReportsTheEntryItCouldNotResolve() {
        try (ConfigurableApplicationContext bridge = startBridge("wait")) {
            assertThat(bridge.getBean(WatchCoordinator.class).entries())
                    .singleElement()
                    .extracting(WatchedEntry::state, entry -> entry.problem().contains("no answer within 1s"))
                    .containsExactly(State.MISSING, true);
        }
    }

    private ConfigurableApplicationContext startBridge(String policy) {
        return new SpringApplicationBuilder(KubeEventBridgeApplication.class)
                .run(
                        "--spring.config.location=classpath:/",
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--bridge.cluster-name=silent",
                        "--bridge.resources[0].api-version=v1",
                        "--bridge.resources[0].resource=configmaps",
                        "--bridge.informer.missing-resource=" + policy,
                        "--bridge.informer.discovery-timeout=1s");
    }
}
