package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UndecodableUriFilterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/k8s/api/v1/pods,               true",
        "/k8s/api/v1/namespaces/%C3%A9,  true",
        "/k8s/api;x=%2e%2E,              true",
        "/k8s/api/v1/pods;%,             false",
        "/k8s/api/v1/pods;x=%4,          false",
        "/k8s/api;x=%zz,                 false",
        "/k8s/api;x=%g0,                 false",
        "/actuator/health;%%41,          false",
    })
    void passesOnlyUrisWhoseEveryPercentStartsTwoHexDigits(String uri, boolean passes) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new UndecodableUriFilter().doFilter(new MockHttpServletRequest("GET", uri), response, chain);

        assertThat(chain.getRequest() != null).isEqualTo(passes);
        assertThat(response.getStatus()).isEqualTo(passes ? 200 : 400);
    }
}
