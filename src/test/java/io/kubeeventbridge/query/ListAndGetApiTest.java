package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ListAndGetApiTest {

    private final QueryApiFixture fixture = new QueryApiFixture();

    @Test
    void listsAcrossNamespacesInNamespaceThenNameOrder() {
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/pods"))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("PodList");
                    assertThat(json).extractingPath("$.apiVersion").isEqualTo("v1");
                    assertThat(json)
                            .extractingPath("$.items[*].metadata.name")
                            .asArray()
                            .containsExactly("batch-1", "pay-1", "api-1", "web-1", "web-2");
                    assertThat(json)
                            .extractingPath("$.metadata.resourceVersion")
                            .isEqualTo("6");
                    assertThat(json).doesNotHavePath("$.metadata.continue");
                });
    }

    @Test
    void listsOneNamespace() {
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/namespaces/shop/pods"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly("api-1", "web-1", "web-2");
        assertThat(fixture.mvc.get().uri("/k8s/apis/apps/v1/namespaces/shop/deployments"))
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly("web");
        assertThat(fixture.mvc.get().uri("/k8s/apis/apps/v1/namespaces/empty/deployments"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items")
                .asArray()
                .isEmpty();
    }

    @Test
    void listsNamedGroupAcrossNamespaces() {
        assertThat(fixture.mvc.get().uri("/k8s/apis/apps/v1/deployments"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("DeploymentList");
    }

    @Test
    void getsNamespacedAndClusterScopedObjects() {
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/namespaces/shop/pods/web-1"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status.phase")
                .isEqualTo("Running");
        assertThat(fixture.mvc.get().uri("/k8s/apis/apps/v1/namespaces/shop/deployments/web"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("Deployment");
        assertThat(fixture.mvc.get().uri("/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles/admin"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.metadata.name")
                .isEqualTo("admin");
        assertThat(fixture.mvc.get().uri("/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles"))
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly("admin", "view");
    }

    @Test
    void missingObjectIsNotFoundStatus() {
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/namespaces/shop/pods/nobody"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Status");
                    assertThat(json).extractingPath("$.reason").isEqualTo("NotFound");
                    assertThat(json).extractingPath("$.code").isEqualTo(404);
                    assertThat(json).extractingPath("$.details.name").isEqualTo("nobody");
                });
    }

    @Test
    void unwatchedResourceAndWrongScopeAndUnknownPathAreNotFound() {
        assertThat(fixture.mvc.get().uri("/k8s/apis/batch/v1/jobs"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.reason")
                .isEqualTo("NotFound");
        assertThat(fixture.mvc.get().uri("/k8s/apis/rbac.authorization.k8s.io/v1/namespaces/shop/clusterroles"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/pods/web-1")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(fixture.mvc.get().uri("/k8s/no/such/path/at/all/here"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("Status");
    }

    @Test
    void unsyncedCacheIsServiceUnavailableWithRetryAfter() {
        fixture.pods.synced(false);
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/pods"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasHeader("Retry-After", "1")
                .bodyJson()
                .extractingPath("$.reason")
                .isEqualTo("ServiceUnavailable");
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/namespaces/shop/pods/nobody"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void writeVerbsAreMethodNotAllowed() {
        assertThat(fixture.mvc.post().uri("/k8s/api/v1/namespaces/shop/pods").content("{}"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .bodyJson()
                .extractingPath("$.reason")
                .isEqualTo("MethodNotAllowed");
        assertThat(fixture.mvc.put().uri("/k8s/api/v1/namespaces/shop/pods/web-1"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(fixture.mvc.patch().uri("/k8s/api/v1/namespaces/shop/pods/web-1"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(fixture.mvc.delete().uri("/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles/admin"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void tableHasNameNamespaceAndAgeForNamespacedResources() {
        assertThat(fixture.mvc
                        .get()
                        .uri("/k8s/api/v1/namespaces/shop/pods")
                        .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"))
                .hasStatusOk()
                .hasContentType(TableRenderer.TABLE)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Table");
                    assertThat(json).extractingPath("$.apiVersion").isEqualTo("meta.k8s.io/v1");
                    assertThat(json)
                            .extractingPath("$.columnDefinitions[*].name")
                            .asArray()
                            .containsExactly("Name", "Namespace", "Age");
                    assertThat(json).extractingPath("$.rows[0].cells").asArray().containsExactly("api-1", "shop", "5m");
                    assertThat(json).extractingPath("$.rows[0].object.kind").isEqualTo("PartialObjectMetadata");
                    assertThat(json)
                            .extractingPath("$.rows[0].object.metadata.namespace")
                            .isEqualTo("shop");
                });
    }

    @Test
    void tableOfClusterScopedResourceHasNoNamespaceColumn() {
        assertThat(fixture.mvc
                        .get()
                        .uri("/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles/admin")
                        .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.columnDefinitions[*].name")
                            .asArray()
                            .containsExactly("Name", "Age");
                    assertThat(json).extractingPath("$.rows[0].cells[0]").isEqualTo("admin");
                });
    }

    @Test
    void ageIsShortAsKubectlPrintsIt() {
        assertThat(TableRenderer.humanDuration(java.time.Duration.ofSeconds(45)))
                .isEqualTo("45s");
        assertThat(TableRenderer.humanDuration(java.time.Duration.ofMinutes(90)))
                .isEqualTo("90m");
        assertThat(TableRenderer.humanDuration(java.time.Duration.ofHours(30))).isEqualTo("30h");
        assertThat(TableRenderer.humanDuration(java.time.Duration.ofDays(40))).isEqualTo("40d");
        assertThat(TableRenderer.humanDuration(java.time.Duration.ofDays(800))).isEqualTo("2y");
    }
}
