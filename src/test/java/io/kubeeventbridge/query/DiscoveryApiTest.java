package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class DiscoveryApiTest {

    private final MockMvcTester mvc = new QueryApiFixture().mvc;

    @Test
    void coreVersionsListOnlyWatchedVersions() {
        assertThat(mvc.get().uri("/k8s/api")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.kind").isEqualTo("APIVersions");
            assertThat(json).extractingPath("$.versions").asArray().containsExactly("v1");
        });
    }

    @Test
    void coreResourceListNamesKindScopeAndReadVerbs() {
        assertThat(mvc.get().uri("/k8s/api/v1")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.kind").isEqualTo("APIResourceList");
            assertThat(json).extractingPath("$.groupVersion").isEqualTo("v1");
            assertThat(json).extractingPath("$.resources[*].name").asArray().containsExactly("pods");
            assertThat(json).extractingPath("$.resources[0].kind").isEqualTo("Pod");
            assertThat(json).extractingPath("$.resources[0].namespaced").isEqualTo(true);
            assertThat(json).extractingPath("$.resources[0].verbs").asArray().containsExactly("get", "list", "watch");
        });
    }

    @Test
    void groupListHasEveryWatchedGroupWithItsPreferredVersion() {
        assertThat(mvc.get().uri("/k8s/apis")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.kind").isEqualTo("APIGroupList");
            assertThat(json)
                    .extractingPath("$.groups[*].name")
                    .asArray()
                    .containsExactly("apps", "rbac.authorization.k8s.io");
            assertThat(json)
                    .extractingPath("$.groups[0].preferredVersion.groupVersion")
                    .isEqualTo("apps/v1");
        });
        assertThat(mvc.get().uri("/k8s/apis/apps"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("APIGroup");
    }

    @Test
    void groupResourceListMarksClusterScopedResources() {
        assertThat(mvc.get().uri("/k8s/apis/rbac.authorization.k8s.io/v1"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.groupVersion").isEqualTo("rbac.authorization.k8s.io/v1");
                    assertThat(json).extractingPath("$.resources[0].name").isEqualTo("clusterroles");
                    assertThat(json).extractingPath("$.resources[0].namespaced").isEqualTo(false);
                });
    }

    @Test
    void unwatchedGroupVersionsAreNotFound() {
        assertThat(mvc.get().uri("/k8s/apis/batch/v1")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/k8s/apis/batch")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/k8s/api/v2"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("Status");
    }

    @Test
    void aggregatedDiscoveryRequestGetsThePlainDocument() {
        String kubectlAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
        assertThat(mvc.get().uri("/k8s/apis").header("Accept", kubectlAccept))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("APIGroupList");
    }

    @Test
    void versionAnswersForKubectlVersion() {
        assertThat(mvc.get().uri("/k8s/version"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.major")
                .isEqualTo("1");
    }
}
