package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A watch cut off while objects change, then resumed from a resourceVersion the server has expired: the informer
 * lists again, and what changed during the gap reaches the listener, including a delete the watch never saw. The
 * objects that did not change publish nothing: no duplicate flood.
 */
class RelistAfterWatchGapIT {

    private static final ResourceType CONFIG_MAPS = new ResourceType("", "v1", "configmaps", "ConfigMap", true);

    private final String namespace = "relist-" + UUID.randomUUID().toString().substring(0, 6);
    private final KubernetesClient direct = MockKubernetes.client();
    private final TcpProxy proxy = new TcpProxy(URI.create(MockKubernetes.url()).getPort());
    private final KubernetesClient throughProxy = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(direct.getConfiguration())
                    .withMasterUrl("http://localhost:" + proxy.port())
                    .build())
            .build();
    private final InformerRegistry informers = new InformerRegistry(
            throughProxy, Duration.ZERO, new ChangeFeeds(new WatchWindow(100, Duration.ofMinutes(5))));
    private final List<String> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        informers.close();
        throughProxy.close();
        proxy.close();
    }

    @Test
    void relistPublishesWhatChangedDuringTheGapAndNothingElse() {
        for (String name : List.of("unchanged", "edited", "removed")) {
            create(name);
        }
        informers.watch(
                new InformerTarget(CONFIG_MAPS, namespace, null, null),
                // With the data: a delete found by the relist must still carry the object's last state in full.
                (operation, object, json) -> changes.add(
                        operation.typeSegment() + " " + object.getMetadata().getName() + " "
                                + object.getAdditionalProperties().get("data")),
                ObjectFilter.NONE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(changes)
                        .containsExactlyInAnyOrder(
                                "snapshot unchanged {version=1}",
                                "snapshot edited {version=1}",
                                "snapshot removed {version=1}"));
        // Cut an established watch, not one still being set up: the mock API server may hang on a WebSocket closed
        // during its handshake.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> informers.statuses(CONFIG_MAPS).stream().allMatch(InformerStatus::watching));
        changes.clear();

        proxy.cut();
        direct.configMaps()
                .inNamespace(namespace)
                .withName("edited")
                .edit(map -> new ConfigMapBuilder(map).addToData("version", "2").build());
        direct.configMaps().inNamespace(namespace).withName("removed").delete();
        create("added");
        MockKubernetes.gates().expireNextWatch("/api/v1/namespaces/" + namespace + "/configmaps");
        proxy.restore();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(changes)
                        .containsExactlyInAnyOrder(
                                "updated edited {version=2}",
                                "deleted removed {version=1}",
                                "created added {version=1}"));
    }

    private void create(String name) {
        direct.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .addToData("version", "1")
                        .build())
                .create();
    }
}
