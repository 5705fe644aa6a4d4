package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The error page, as Tomcat forwards to it: the request attributes say what failed where. */
class ErrorResponseApiTest {

    private final MockMvcTester mvc = MockMvcTester.create(
            MockMvcBuilders.standaloneSetup(new ErrorResponseController()).build());

    @Test
    void clientErrorUnderTheQueryApiIsAStatusWithTheContainersDetail() {
        assertThat(forwarded(400, "/k8s/api/v1/pods%zz", "GET", "Invalid URI: bad hex"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.apiVersion").isEqualTo("v1");
                    assertThat(json).extractingPath("$.kind").isEqualTo("Status");
                    assertThat(json).extractingPath("$.status").isEqualTo("Failure");
                    assertThat(json).extractingPath("$.reason").isEqualTo("BadRequest");
                    assertThat(json).extractingPath("$.code").isEqualTo(400);
                    assertThat(json).extractingPath("$.message").isEqualTo("Invalid URI: bad hex");
                });
    }

    @Test
    void serverErrorUnderTheQueryApiIsAnInternalErrorStatusThatKeepsItsDetailToItself() {
        assertThat(forwarded(500, "/k8s/api/v1/pods", "GET", "NullPointerException at Secret.java:12"))
                .hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.reason").isEqualTo("InternalError");
                    assertThat(json).extractingPath("$.message").isEqualTo("Internal Server Error");
                });
    }

    @Test
    void methodRefusedByTheContainerIsAMethodNotAllowedStatusNamingTheClientsMethod() {
        assertThat(forwarded(405, "/k8s/api", "TRACE", null))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .hasHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS")
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .startsWith("TRACE is not supported");
    }

    @Test
    void missingPathUnderTheQueryApiIsANotFoundStatus() {
        assertThat(forwarded(404, "/k8s/nothing", "GET", "No static resource"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.message")
                .isEqualTo("the server could not find the requested resource /k8s/nothing");
    }

    @Test
    void errorElsewhereIsBootsErrorJsonEvenForABrowser() {
        assertThat(forwarded(400, "/actuator/prometheus", "GET", "bad query").header(HttpHeaders.ACCEPT, "text/html"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo(400);
                    assertThat(json).extractingPath("$.error").isEqualTo("Bad Request");
                    assertThat(json).extractingPath("$.message").isEqualTo("bad query");
                    assertThat(json).extractingPath("$.path").isEqualTo("/actuator/prometheus");
                });
    }

    @Test
    void errorPageAskedForDirectlyIsNotFound() {
        assertThat(mvc.get().uri("/error"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo(404);
                    assertThat(json).extractingPath("$.path").isEqualTo("/error");
                    assertThat(json).doesNotHavePath("$.message");
                });
    }

    private MockMvcRequestBuilder forwarded(int status, String uri, String method, String message) {
        MockMvcRequestBuilder request = mvc.get()
                .uri("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .requestAttr(RequestDispatcher.ERROR_METHOD, method);
        return message == null ? request : request.requestAttr(RequestDispatcher.ERROR_MESSAGE, message);
    }
}
