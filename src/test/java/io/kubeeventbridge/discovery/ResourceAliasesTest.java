package io.kubeeventbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the mock API server, whose discovery lists custom resources only. */
class ResourceAliasesTest {

    private final ResourceAliases aliases = new ResourceAliases();
    private final ResourceResolver resolver =
            new ResourceResolver(new DiscoveryRequests(MockKubernetes.client()), aliases);

    @Test
    void aBuiltInResourceMissingFromDiscoveryGetsTheApiServersShortNamesAndCategories() {
        ResourceType pods = resolve("v1", "pods");
        ResourceType deployments = resolve("apps/v1", "deployments");
        ResourceType configMaps = resolve("v1", "configmaps");

        assertThat(aliases.of(pods)).isEqualTo(new ResourceAliases.Aliases("pod", List.of("po"), List.of("all")));
        assertThat(aliases.of(deployments))
                .isEqualTo(new ResourceAliases.Aliases("deployment", List.of("deploy"), List.of("all")));
        assertThat(aliases.of(configMaps))
                .isEqualTo(new ResourceAliases.Aliases("configmap", List.of("cm"), List.of()));
    }

    @Test
    void aResourceDiscoveryListsGetsWhatDiscoverySays() {
        MockKubernetes.installCrd("aliases.example.com", "v1", "Gizmo");

        ResourceType gizmos = resolve("aliases.example.com/v1", "gizmos");

        assertThat(aliases.of(gizmos)).isEqualTo(new ResourceAliases.Aliases("gizmo", List.of(), List.of()));
    }

    @Test
    void aTypeNeverResolvedIsKnownByItsLowerCaseKind() {
        ResourceType widgets = new ResourceType("example.com", "v1", "widgets", "Widget", true);

        assertThat(aliases.of(widgets)).isEqualTo(new ResourceAliases.Aliases("widget", List.of(), List.of()));
    }

    private ResourceType resolve(String apiVersion, String plural) {
        return resolver.resolve(
                        TestProperties.entry("api-version=" + apiVersion, "resource=" + plural), Duration.ofSeconds(30))
                .orElseThrow();
    }
}
