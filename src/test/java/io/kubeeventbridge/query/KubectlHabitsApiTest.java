package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** What kubectl relies on besides list, get and watch: names, namespaces, the version, explain. */
class KubectlHabitsApiTest {

    private final QueryApiFixture fixture = new QueryApiFixture();

    @Test
    void discoveryPassesOnTheShortNamesCategoriesAndSingularNameTheClusterGives() {
        assertThat(fixture.mvc.get().uri("/k8s/api/v1")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.resources[0].name").isEqualTo("pods");
            assertThat(json).extractingPath("$.resources[0].singularName").isEqualTo("pod");
            assertThat(json)
                    .extractingPath("$.resources[0].shortNames")
                    .asArray()
                    .containsExactly("po");
            assertThat(json)
                    .extractingPath("$.resources[0].categories")
                    .asArray()
                    .containsExactly("all");
        });
        assertThat(fixture.mvc.get().uri("/k8s/apis/apps/v1")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.resources[0].singularName").isEqualTo("deployment");
            assertThat(json).doesNotHavePath("$.resources[0].shortNames");
        });
    }

    @Test
    void versionIsTheClusters() {
        assertThat(fixture.mvc.get().uri("/k8s/version"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.gitVersion")
                .isEqualTo("v1.33.2");
    }

    @Test
    void aNamespaceInScopeIsAMinimalNamespaceAndAnyOtherIsNotFound() {
        fixture.deployments.watching("audit");

        assertThat(fixture.mvc.get().uri("/k8s/api/v1/namespaces/shop"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Namespace");
                    assertThat(json).extractingPath("$.metadata.name").isEqualTo("shop");
                    assertThat(json).extractingPath("$.status.phase").isEqualTo("Active");
                });
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/namespaces/audit")).hasStatusOk();
        assertThat(fixture.mvc.get().uri("/k8s/api/v1/namespaces/elsewhere"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.message")
                .isEqualTo("namespaces \"elsewhere\" not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?watch=1", "?limit=1"})
    void aListOrWatchInANamespaceTheEntryDoesNotListIsNotFoundNamingThoseItDoes(String query) {
        fixture.deployments.watching("shop", "audit");

        assertThat(fixture.mvc.get().uri("/k8s/apis/apps/v1/namespaces/payments/deployments" + query))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.message")
                .isEqualTo("the bridge does not watch deployments in namespace \"payments\"; it watches them in "
                        + "shop, audit");
        assertThat(fixture.mvc.get().uri("/k8s/apis/apps/v1/namespaces/shop/deployments"))
                .hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/k8s/openapi/v2", "/k8s/openapi/v3", "/k8s/openapi/v3/api/v1"})
    void explainIsToldThatTheBridgeServesNoOpenApi(String path) {
        assertThat(fixture.mvc.get().uri(path))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("no OpenAPI", "kubectl explain");
    }
}
