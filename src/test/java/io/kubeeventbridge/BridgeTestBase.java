package io.kubeeventbridge;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.support.MockKubernetes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The one Spring context of the integration tests (per Kafka broker): the bridge as configured in
 * {@code application-it.yaml}, its Kubernetes client pointed at the shared mock API server.
 */
// Only the classpath copy of application.yaml: the one in the working directory would override the test profile.
// A real port for kubectl; one context (and so one embedded broker) for every integration test.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.location=classpath:/")
@ActiveProfiles("it")
@AutoConfigureMockMvc
@AutoConfigureMetrics
public abstract class BridgeTestBase {

    /** Objects that exist before the bridge starts, and so must arrive as snapshots. */
    protected static final String PREEXISTING_NAMESPACE = "preexisting";

    protected static final String[] PREEXISTING_PODS = {"early-1", "early-2"};

    /** The group of the group entry, with one CRD (Gizmo) and one object of it before the bridge starts. */
    protected static final String DYNAMIC_GROUP = "dynamic.example.com";

    protected static final String PREEXISTING_GIZMO = "early-gizmo";

    /** Closed until the readiness test opens it, so the configmaps informer cannot sync before. */
    protected static final String READINESS_GATE = "/api/v1/namespaces/readiness-gate/configmaps";

    private static final AtomicBoolean seeded = new AtomicBoolean();

    @TestBean
    KubernetesClient kubernetesClient;

    /** The client of the mock API server, to create, change and delete objects. */
    @Autowired
    protected KubernetesClient client;

    @Autowired
    protected MockMvcTester mvc;

    /** The broker the bridge publishes to, for test consumers. */
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    static KubernetesClient kubernetesClient() {
        KubernetesClient client = MockKubernetes.client();
        if (seeded.compareAndSet(false, true)) {
            MockKubernetes.gates().close(READINESS_GATE);
            MockKubernetes.installCrd("example.com", "v1", "Widget");
            MockKubernetes.installCrd(DYNAMIC_GROUP, "v1", "Gizmo");
            MockKubernetes.customObjects(DYNAMIC_GROUP, "v1", "Gizmo")
                    .inNamespace(PREEXISTING_NAMESPACE)
                    .resource(MockKubernetes.customObject(DYNAMIC_GROUP, "v1", "Gizmo", PREEXISTING_GIZMO))
                    .create();
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(PREEXISTING_NAMESPACE)
                            .endMetadata()
                            .build())
                    .create();
            for (String name : PREEXISTING_PODS) {
                client.pods()
                        .inNamespace(PREEXISTING_NAMESPACE)
                        .resource(pod(name))
                        .create();
            }
        }
        return client;
    }

    protected static Pod pod(String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app", "demo")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .build();
    }
}
