package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientErrorAdviceTest {

    private static final IllegalStateException MISSING_CONTRIBUTOR =
            new IllegalStateException("'contributor' must not be null");

    private final ClientErrorAdvice advice = new ClientErrorAdvice(withHealthAt("/actuator/health"));

    @Test
    void undecodableQueryStringIsTheContainersCodeAsAStatusUnderTheQueryApi() {
        ResponseEntity<Object> response = advice.undecodableQueryString(
                new InvalidParameterException("bad hex", 400), new MockHttpServletRequest("GET", "/k8s/api/v1/pods"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "Status")
                .containsEntry(
                        "message",
                        "the query string is malformed: percent-encoded UTF-8 expected, within the number of"
                                + " parameters the server takes");
    }

    @Test
    void malformedQueryStringKeepsTheCodeTomcatGaveItOutsideTheQueryApiToo() {
        ResponseEntity<Object> response = advice.undecodableQueryString(
                new InvalidParameterException("too large", 413), new MockHttpServletRequest("GET", "/actuator/health"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(response.getBody())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("status", 413)
                .containsEntry("path", "/actuator/health");
    }

    @Test
    void missingHealthContributorBelowTheHealthEndpointIsNotFound() {
        ResponseEntity<Object> response = advice.pathBelowMissingHealthComponent(
                MISSING_CONTRIBUTOR, new MockHttpServletRequest("GET", "/actuator/health/x/y"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("path", "/actuator/health/x/y");
    }

    @Test
    void illegalStateAnywhereElseStaysTheServerErrorItIs() {
        assertThatThrownBy(() -> advice.pathBelowMissingHealthComponent(
                        MISSING_CONTRIBUTOR, new MockHttpServletRequest("GET", "/k8s/api/v1/pods")))
                .isSameAs(MISSING_CONTRIBUTOR);
        assertThatThrownBy(() -> advice.pathBelowMissingHealthComponent(
                        MISSING_CONTRIBUTOR, new MockHttpServletRequest("GET", "/actuator/healthy/x")))
                .isSameAs(MISSING_CONTRIBUTOR);
        assertThatThrownBy(() -> new ClientErrorAdvice(
                                new StaticListableBeanFactory().getBeanProvider(PathMappedEndpoints.class))
                        .pathBelowMissingHealthComponent(
                                MISSING_CONTRIBUTOR, new MockHttpServletRequest("GET", "/actuator/health/x/y")))
                .isSameAs(MISSING_CONTRIBUTOR);
    }

    private static ObjectProvider<PathMappedEndpoints> withHealthAt(String path) {
        PathMappedEndpoints endpoints = mock(PathMappedEndpoints.class);
        when(endpoints.getPath(EndpointId.of("health"))).thenReturn(path);
        return new StaticListableBeanFactory(Map.of("pathMappedEndpoints", endpoints))
                .getBeanProvider(PathMappedEndpoints.class);
    }
}
