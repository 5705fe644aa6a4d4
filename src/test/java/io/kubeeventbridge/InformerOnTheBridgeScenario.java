package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A client's informer on the bridge's query API, kept in sync through creates, updates and deletes, then through a
 * relist of the bridge's own informer: the bridge's watch of the API server goes silent while objects change, then
 * expires, and only the bridge's relist finds what changed. The objects are widgets in a namespace of the test's own;
 * the bridge watches widgets in every namespace ({@code application-it.yaml}), and no other test uses them.
 */
final class InformerOnTheBridgeScenario {

    static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
            .withGroup("example.com")
            .withVersion("v1")
            .withKind("Widget")
            .withPlural("widgets")
            .withNamespaced(true)
            .build();

    private static final String WIDGETS_PATH = "/apis/example.com/v1/widgets";
    private static final Duration SYNC = Duration.ofSeconds(30);

    private final String namespace;

    /** Creates the objects that exist before the client's informer starts. */
    InformerOnTheBridgeScenario(String namespace) {
        this.namespace = namespace;
        for (String name : new String[] {"unchanged", "edited", "removed"}) {
            create(name);
        }
    }

    /**
     * Changes the widgets, and checks after each step that {@code held} (what the client's informer holds: each
     * object's labels by name) matches the API server.
     */
    void run(Supplier<Map<String, Map<String, String>>> held) {
        await().atMost(SYNC)
                .untilAsserted(() -> assertThat(held.get())
                        .isEqualTo(Map.of("unchanged", Map.of(), "edited", Map.of(), "removed", Map.of())));

        label("edited", "live");
        widgets().withName("removed").delete();
        create("created");
        await().atMost(SYNC)
                .untilAsserted(() -> assertThat(held.get())
                        .isEqualTo(
                                Map.of("unchanged", Map.of(), "edited", Map.of("step", "live"), "created", Map.of())));

        MockKubernetes.gates().silenceWatches(WIDGETS_PATH);
        try {
            label("edited", "relist");
            widgets().withName("created").delete();
            create("created-unheard");
            // The silence holds: nothing reaches the client until the bridge lists again.
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(held.get()).containsOnlyKeys("unchanged", "edited", "created"));
            MockKubernetes.gates().expireSilencedWatches(WIDGETS_PATH);
        } finally {
            MockKubernetes.gates().open(WIDGETS_PATH);
        }

        await().atMost(SYNC)
                .untilAsserted(() -> assertThat(held.get())
                        .isEqualTo(Map.of(
                                "unchanged",
                                Map.of(),
                                "edited",
                                Map.of("step", "relist"),
                                "created-unheard",
                                Map.of())));
    }

    private void create(String name) {
        widgets()
                .resource(
                        MockKubernetes.customObject(WIDGETS.getGroup(), WIDGETS.getVersion(), WIDGETS.getKind(), name))
                .create();
    }

    private void label(String name, String step) {
        widgets()
                .withName(name)
                .edit(widget -> new GenericKubernetesResourceBuilder(widget)
                        .editMetadata()
                        .addToLabels("step", step)
                        .endMetadata()
                        .build());
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            widgets() {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
                all = MockKubernetes.customObjects(WIDGETS.getGroup(), WIDGETS.getVersion(), WIDGETS.getKind());
        return all.inNamespace(namespace);
    }
}
