package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceAttributesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/k8s/api/v1/pods,                                       list, '',   v1, pods,         '',   ''",
        "/k8s/api/v1/namespaces/shop/pods,                       list, '',   v1, pods,         shop, ''",
        "/k8s/api/v1/namespaces/shop/pods/web-1,                 get,  '',   v1, pods,         shop, web-1",
        "/k8s/api/v1/namespaces/shop,                            get,  '',   v1, namespaces,   '',   shop",
        "/k8s/apis/apps/v1/deployments,                          list, apps, v1, deployments,  '',   ''",
        "/k8s/apis/apps/v1/namespaces/shop/deployments/web,      get,  apps, v1, deployments,  shop, web",
        "/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles/admin, get, rbac.authorization.k8s.io, v1, clusterroles, '', admin",
    })
    void pathsMapToTheAttributesTheApiServerWouldCheck(
            String path, String verb, String group, String version, String resource, String namespace, String name) {
        assertThat(ResourceAttributes.of(path))
                .contains(new ResourceAttributes(verb, group, version, resource, namespace, name));
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
        assertThat(ResourceAttributes.of(path)).isEmpty();
    }
}
