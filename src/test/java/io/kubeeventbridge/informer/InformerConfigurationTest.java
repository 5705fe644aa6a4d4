package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpLoggingInterceptor;
import io.kubeeventbridge.support.MockKubernetes;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** fabric8's wire log writes response bodies at TRACE; the bridge's client must never have it. */
@ExtendWith(OutputCaptureExtension.class)
class InformerConfigurationTest {

    private static final String NAMESPACE = "wire-log";
    private static final String[] PROPERTIES = {
        Config.KUBERNETES_MASTER_SYSTEM_PROPERTY,
        Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY,
        Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY
    };

    private final Logger wireLog = (Logger) LoggerFactory.getLogger(HttpLoggingInterceptor.class);
    private final String value = "wire-" + UUID.randomUUID();
    private final String name = "s-" + UUID.randomUUID().toString().substring(0, 6);
    private Level previousLevel;

    @BeforeEach
    void traceTheWireAndPointTheClientAtTheMockServer() {
        System.setProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, MockKubernetes.url());
        System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
        System.setProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
        MockKubernetes.client()
                .secrets()
                .inNamespace(NAMESPACE)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .addToStringData("token", value)
                        .build())
                .create();
        // After the shared test client exists, so that only the clients under test see TRACE at creation.
        previousLevel = wireLog.getLevel();
        wireLog.setLevel(Level.TRACE);
    }

    @AfterEach
    void restore() {
        wireLog.setLevel(previousLevel);
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    void bridgeClientNeverLogsResponseBodies(CapturedOutput output) {
        try (KubernetesClient client = new InformerConfiguration().kubernetesClient()) {
            assertThat(client.secrets().inNamespace(NAMESPACE).withName(name).get())
                    .isNotNull();
        }
        assertThat(output.getAll()).doesNotContain(value);
    }

    @Test
    void plainClientWouldLogThemAtTrace(CapturedOutput output) {
        try (KubernetesClient client = new KubernetesClientBuilder().build()) {
            client.secrets().inNamespace(NAMESPACE).withName(name).get();
        }
        assertThat(output.getAll()).contains(value);
    }
}
