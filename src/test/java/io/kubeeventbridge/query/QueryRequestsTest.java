package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class QueryRequestsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/k8s/api/v1/pods,                                          list, '',   v1, pods,         '',   ''",
        "/k8s/api/v1/namespaces/shop/pods,                          list, '',   v1, pods,         shop, ''",
        "/k8s/api/v1/namespaces/shop/pods/web-1,                    get,  '',   v1, pods,         shop, web-1",
        "/k8s/api/v1/namespaces/shop,                               get,  '',   v1, namespaces,   '',   shop",
        "/k8s/apis/apps/v1/deployments,                             list, apps, v1, deployments,  '',   ''",
        "/k8s/apis/apps/v1/namespaces/shop/deployments/web,         get,  apps, v1, deployments,  shop, web",
        "/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles/admin, get,  rbac.authorization.k8s.io, v1, clusterroles, '', admin",
        // Percent-encoded as a client may send them: read as the router reads them, decoded.
        "/%6b8s/api/v1/namespaces/shop/pods,                        list, '',   v1, pods,         shop, ''",
        "/k8s/api/v1/namespaces/%73hop/%70ods,                      list, '',   v1, pods,         shop, ''",
        "/k8s/apis/app%73/v1/namespaces/shop/deployments/w%65b,     get,  apps, v1, deployments,  shop, web",
    })
    void readsMapToTheAttributesTheApiServerWouldCheck(
            String path, String verb, String group, String version, String resource, String namespace, String name) {
        assertThat(QueryRequests.resource(get(path)))
                .contains(new ResourceAttributes(verb, group, version, resource, namespace, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "TRUE", "yes", ""})
    void aWatchOfAListIsTheVerbWatch(String watch) {
        MockHttpServletRequest request = get("/k8s/api/v1/namespaces/shop/pods");
        request.setParameter("watch", watch);
        assertThat(QueryRequests.resource(request))
                .contains(new ResourceAttributes("watch", "", "v1", "pods", "shop", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "0"})
    void aListWithAFalseWatchIsTheVerbList(String watch) {
        MockHttpServletRequest request = get("/k8s/api/v1/namespaces/shop/pods");
        request.setParameter("watch", watch);
        assertThat(QueryRequests.resource(request))
                .contains(new ResourceAttributes("list", "", "v1", "pods", "shop", ""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/k8s",
                "/k8s/api",
                "/k8s/api/v1",
                "/k8s/apis",
                "/k8s/apis/apps",
                "/k8s/apis/apps/v1",
                "/k8s/version"
            })
    void discoveryPathsReadNoResource(String path) {
        assertThat(QueryRequests.isDiscovery(get(path))).isTrue();
        assertThat(QueryRequests.resource(get(path))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/k8s/api/v1/namespaces/shop/pods/web-1/log", "/k8s/api/v1/pods/", "/k8s/x"})
    void otherPathsUnderTheQueryApiAreNeitherDiscoveryNorAResource(String path) {
        assertThat(QueryRequests.isQuery(get(path))).isTrue();
        assertThat(QueryRequests.isDiscovery(get(path))).isFalse();
        assertThat(QueryRequests.resource(get(path))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/k8sx/api/v1/pods", "/K8S/api/v1/pods", "/"})
    void pathsOutsideThePrefixAreNotQueries(String path) {
        assertThat(QueryRequests.isQuery(get(path))).isFalse();
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }
}
