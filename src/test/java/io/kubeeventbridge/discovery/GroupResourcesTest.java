package io.kubeeventbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.kubeeventbridge.event.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupResourcesTest {

    @Test
    void resourcesThatCanBeListedAndWatchedAreWatchableAndTheOthersSkippedWithTheReason() {
        GroupResources resources = GroupResources.of(
                "apps",
                "v1",
                List.of(
                        resource("deployments", "Deployment", true, "get", "list", "watch", "create"),
                        resource("deployments/status", "Deployment", true, "get", "patch"),
                        resource("deployments/scale", "Scale", true, "get", "update"),
                        resource("reviews", "Review", false, "create"),
                        resource("controllerrevisions", "ControllerRevision", true, "list", "watch")));

        assertThat(resources.watchable())
                .containsExactly(
                        new ResourceType("apps", "v1", "deployments", "Deployment", true),
                        new ResourceType("apps", "v1", "controllerrevisions", "ControllerRevision", true));
        assertThat(resources.skipped())
                .isEqualTo(Map.of(
                        "deployments/status", "a subresource",
                        "deployments/scale", "a subresource",
                        "reviews", "cannot be listed and watched (verbs: create)"));
    }

    @Test
    void aResourceWithoutVerbsIsTakenAtDiscoverysWord() {
        // The mock API server's discovery names no verbs.
        GroupResources resources = GroupResources.of("example.com", "v1", List.of(resource("widgets", "Widget", true)));

        assertThat(resources.watchable()).extracting(ResourceType::plural).containsExactly("widgets");
    }

    private static APIResource resource(String name, String kind, boolean namespaced, String... verbs) {
        return new APIResourceBuilder()
                .withName(name)
                .withKind(kind)
                .withNamespaced(namespaced)
                .withVerbs(verbs)
                .build();
    }
}
