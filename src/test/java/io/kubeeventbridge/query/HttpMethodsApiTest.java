package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** HEAD, OPTIONS and the methods a read-only API refuses, on every kind of path the query API serves. */
class HttpMethodsApiTest {

    private final MockMvcTester mvc = new QueryApiFixture().mvc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/k8s/version",
                "/k8s/api",
                "/k8s/api/v1",
                "/k8s/apis",
                "/k8s/apis/apps",
                "/k8s/apis/apps/v1",
                "/k8s/api/v1/pods",
                "/k8s/api/v1/pods?labelSelector=app=web&limit=1",
                "/k8s/api/v1/namespaces/shop/pods",
                "/k8s/api/v1/namespaces/shop/pods/web-1",
                "/k8s/apis/apps/v1/deployments",
                "/k8s/apis/apps/v1/namespaces/shop/deployments/web",
                "/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles/admin",
                "/k8s/api/v1/namespaces/shop/pods/nobody",
                "/k8s/apis/batch/v1/jobs",
                "/k8s/api/v1/pods?limit=ten",
                "/k8s/no/such/path",
            })
    void headIsAnsweredLikeGet(String uri) throws Exception {
        MvcTestResult get = mvc.get().uri(uri).exchange();
        MvcTestResult head = mvc.head().uri(uri).exchange();

        // Tomcat drops the body of a HEAD response (MalformedRequestIT checks it); MockMvc keeps it.
        assertThat(head).hasStatus(get.getResponse().getStatus());
        assertThat(head.getResponse().getContentType())
                .isEqualTo(get.getResponse().getContentType());
        assertThat(head.getResponse().getContentAsString())
                .isEqualTo(get.getResponse().getContentAsString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/k8s",
                "/k8s/api",
                "/k8s/api/v1/pods",
                "/k8s/api/v1/namespaces/shop/pods/web-1",
                "/k8s/apis/apps/v1/deployments",
                "/k8s/no/such/path"
            })
    void optionsAllowsOnlyTheReadMethods(String uri) {
        assertThat(mvc.options().uri(uri))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS")
                .doesNotContainHeader("Accept-Patch");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "PROPFIND", "MKCOL", "FOO"})
    void everyOtherMethodIsMethodNotAllowedNamingTheReadMethods(String method) {
        for (String uri : new String[] {"/k8s", "/k8s/api/v1/pods", "/k8s/api/v1/namespaces/shop/pods/web-1"}) {
            assertThat(mvc.method(HttpMethod.valueOf(method)).uri(uri))
                    .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                    .hasHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS")
                    .bodyJson()
                    .satisfies(json -> {
                        assertThat(json).extractingPath("$.kind").isEqualTo("Status");
                        assertThat(json).extractingPath("$.reason").isEqualTo("MethodNotAllowed");
                        assertThat(json).extractingPath("$.message").asString().startsWith(method + " is not");
                    });
        }
    }
}
