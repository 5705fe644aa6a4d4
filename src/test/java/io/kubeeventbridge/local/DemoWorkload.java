package io.kubeeventbridge.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, endless workload on the mock API server: a few objects exist before the bridge starts (snapshots), then
 * every two seconds one pod is created, one updated and, once there are more than five, the oldest deleted; every
 * few rounds a deployment is scaled and a widget created.
 */
final class DemoWorkload {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkload.class);
    private static final String NAMESPACE = "demo";

    private final KubernetesClient client;
    private final Deque<String> pods = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-workload");
        thread.setDaemon(true);
        return thread;
    });
    private int round;
    private int podsCreated;

    DemoWorkload(KubernetesClient client) {
        this.client = client;
    }

    void start() {
        create(new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace(NAMESPACE)
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build());
        createPod();
        createPod();
        scheduler.scheduleWithFixedDelay(this::step, 5, 2, TimeUnit.SECONDS);
    }

    private void step() {
        try {
            round++;
            createPod();
            relabel(pods.peekLast());
            if (pods.size() > 5) {
                String oldest = pods.removeFirst();
                client.pods().inNamespace(NAMESPACE).withName(oldest).delete();
                log.info("Workload: deleted pod {}/{}", NAMESPACE, oldest);
            }
            if (round % 3 == 0) {
                client.apps()
                        .deployments()
                        .inNamespace(NAMESPACE)
                        .withName("web")
                        .scale(1 + round % 4);
                log.info("Workload: scaled deployment {}/web to {}", NAMESPACE, 1 + round % 4);
            }
            if (round % 5 == 0) {
                create(new GenericKubernetesResourceBuilder()
                        .withApiVersion("example.com/v1")
                        .withKind("Widget")
                        .withNewMetadata()
                        .withName("widget-" + round)
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withAdditionalProperties(Map.of("spec", Map.of("size", round)))
                        .build());
            }
        } catch (RuntimeException e) {
            log.warn("Workload step failed: {}", e.getMessage());
        }
    }

    private void createPod() {
        String name = "web-" + ++podsCreated;
        create(new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .build());
        pods.addLast(name);
    }

    private void relabel(String pod) {
        client.pods()
                .inNamespace(NAMESPACE)
                .withName(pod)
                .edit(current -> new PodBuilder(current)
                        .editMetadata()
                        .addToLabels("round", Integer.toString(round))
                        .endMetadata()
                        .build());
        log.info("Workload: updated pod {}/{}", NAMESPACE, pod);
    }

    private void create(HasMetadata object) {
        client.resource(object).create();
        log.info(
                "Workload: created {} {}/{}",
                object.getKind(),
                NAMESPACE,
                object.getMetadata().getName());
    }
}
