package io.kubeeventbridge.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ScheduledExecutorFactoryBean;

/**
 * A small, endless workload on the mock API server: a few objects exist before the bridge starts (snapshots), then
 * every two seconds a pod is created (Pending) in one of the demo namespaces, the previous one starts running, and
 * once there are more than six the oldest is deleted; every few rounds a deployment is scaled and a widget created.
 * Each step is logged at DEBUG.
 */
final class DemoWorkload {

    /** Where the demo's pods live: more than one, so namespaced and cluster-wide reads differ. */
    static final List<String> NAMESPACES = List.of("demo", "shop");

    private static final Logger log = LoggerFactory.getLogger(DemoWorkload.class);

    private final KubernetesClient client;
    private final Deque<Pod> pods = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler;
    private int round;
    private int podsCreated;

    DemoWorkload(KubernetesClient client) {
        this.client = client;
        ScheduledExecutorFactoryBean threads = new ScheduledExecutorFactoryBean();
        threads.setThreadNamePrefix("demo-workload-");
        threads.setDaemon(true);
        threads.afterPropertiesSet();
        this.scheduler = threads.getObject();
    }

    void start() {
        create(new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace(NAMESPACES.get(0))
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build());
        createPod();
        run(pods.peekLast());
        createPod();
        scheduler.scheduleWithFixedDelay(this::step, 5, 2, TimeUnit.SECONDS);
    }

    private void step() {
        try {
            round++;
            run(pods.peekLast());
            createPod();
            if (pods.size() > 6) {
                Pod oldest = pods.removeFirst();
                client.resource(oldest).delete();
                log.debug("Workload: deleted pod {}", describe(oldest));
            }
            if (round % 3 == 0) {
                client.apps()
                        .deployments()
                        .inNamespace(NAMESPACES.get(0))
                        .withName("web")
                        .scale(1 + round % 4);
                log.debug("Workload: scaled deployment web to {}", 1 + round % 4);
            }
            if (round % 5 == 0) {
                create(new GenericKubernetesResourceBuilder()
                        .withApiVersion("example.com/v1")
                        .withKind("Widget")
                        .withNewMetadata()
                        .withName("widget-" + round)
                        .withNamespace(NAMESPACES.get(0))
                        .endMetadata()
                        .withAdditionalProperties(Map.of("spec", Map.of("size", round)))
                        .build());
            }
        } catch (RuntimeException e) {
            log.warn("Workload step failed: {}", e.getMessage());
        }
    }

    private void createPod() {
        int number = ++podsCreated;
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("web-" + number)
                .withNamespace(NAMESPACES.get(number % NAMESPACES.size()))
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
        create(pod);
        pods.addLast(pod);
    }

    /** The pod starts running: its status changes, as the kubelet would change it. */
    private void run(Pod pod) {
        client.resource(pod)
                .edit(current -> new PodBuilder(current)
                        .editOrNewStatus()
                        .withPhase("Running")
                        .withPodIP("10.0.0." + (10 + round % 200))
                        .endStatus()
                        .build());
        log.debug("Workload: pod {} is running", describe(pod));
    }

    private void create(HasMetadata object) {
        client.resource(object).create();
        log.debug("Workload: created {} {}", object.getKind(), describe(object));
    }

    private static String describe(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }
}
