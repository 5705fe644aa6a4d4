package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kubeeventbridge.support.RawHttp;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that no HTTP client library would send, over a bare socket to the running server, so that Tomcat's own
 * checks run: each is a client error in JSON (a Kubernetes Status under /k8s), logged quietly.
 */
@SharedKafkaBroker
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestIT extends BridgeTestBase {

    /** How the answer is written. */
    enum Body {
        /** A Kubernetes Status. */
        STATUS,
        /** Spring Boot's error JSON: status, error, path. */
        ERROR_JSON,
        /** Nothing: Tomcat answers a request line it cannot parse before any valve runs. */
        NONE
    }

    @LocalServerPort
    private int port;

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                arguments("GET /k8s/api/v1/pods%zz HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api/v1/po%00ds HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api%2Fv1/pods HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/../../etc HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api/v1/namespaces/%C0%AF/pods HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api/v1/pods;% HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api;x=%zz HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api HTTP/1.1", "Bad Header: y", 400, Body.STATUS),
                arguments("GET /k8s/api HTTP/1.1", "Content-Length: abc", 400, Body.STATUS),
                arguments("GET /k8s/api HTTP/1.1", "X-Big: " + "a".repeat(10_000), 400, Body.STATUS),
                arguments("GET /k8s/api/v1/pods?labelSelector=%zz HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api/v1/pods?labelSelector=%FF HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api/v1/pods?%zz=1 HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /k8s/api/v1/pods?fieldSelector=.%3Dx HTTP/1.1", "", 400, Body.STATUS),
                arguments(
                        "GET /k8s/api/v1/pods HTTP/1.1", "Accept: application/json;as=Table;v=\"v1", 400, Body.STATUS),
                arguments("GET /k8s/api/v1/pods?watch=1&resourceVersion=x HTTP/1.1", "", 410, Body.STATUS),
                arguments("TRACE /k8s/api HTTP/1.1", "", 405, Body.STATUS),
                arguments("CONNECT /k8s/api HTTP/1.1", "", 405, Body.STATUS),
                arguments("GET /k8s/no/such/path HTTP/1.1", "Accept: text/html", 404, Body.STATUS),
                // Protocol-level refusals keep the codes HTTP prescribes.
                arguments("GET /k8s/api HTTP/1.1", "Transfer-Encoding: foo", 501, Body.STATUS),
                arguments("GET /k8s/api HTTP/9.9", "", 505, Body.STATUS),
                // Spring Security's firewall refuses an unnormalised path on every port, with a Status.
                arguments("GET /actuator/health/x/.. HTTP/1.1", "", 400, Body.STATUS),
                arguments("GET /actuator/health/x/y HTTP/1.1", "", 404, Body.ERROR_JSON),
                arguments("GET /actuator/prometheus?x=%zz HTTP/1.1", "", 400, Body.ERROR_JSON),
                arguments("GET /error HTTP/1.1", "", 404, Body.ERROR_JSON),
                arguments("POST /error HTTP/1.1", "", 404, Body.ERROR_JSON),
                arguments("GET /nothing HTTP/1.1", "Accept: text/html", 404, Body.ERROR_JSON),
                arguments("GET /nothing%zz HTTP/1.1", "", 400, Body.ERROR_JSON),
                arguments("GET /actuator/health;%4 HTTP/1.1", "", 400, Body.ERROR_JSON),
                arguments("GET * HTTP/1.1", "", 400, Body.ERROR_JSON),
                arguments("GET /k8s/a{b HTTP/1.1", "", 400, Body.NONE),
                arguments("G@T /k8s/api HTTP/1.1", "", 400, Body.NONE),
                arguments("GET /k8s/api?x=" + "a".repeat(10_000) + " HTTP/1.1", "", 400, Body.NONE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource
    void malformedRequests(String requestLine, String header, int status, Body body, CapturedOutput output) {
        awaitReady();
        int loggedBefore = output.getAll().length();

        RawHttp.Response response =
                new RawHttp(port).send(requestLine, header.isEmpty() ? new String[0] : new String[] {header});

        assertThat(response.status()).isEqualTo(status);
        switch (body) {
            case STATUS -> {
                JsonNode json = json(response);
                assertThat(json.at("/apiVersion").asString()).isEqualTo("v1");
                assertThat(json.at("/kind").asString()).isEqualTo("Status");
                assertThat(json.at("/code").asInt()).isEqualTo(status);
            }
            case ERROR_JSON -> {
                JsonNode json = json(response);
                assertThat(json.at("/status").asInt()).isEqualTo(status);
                assertThat(json.has("path")).isTrue();
            }
            case NONE -> assertThat(response.body()).isEmpty();
        }
        assertLoggedQuietly(output.getAll().substring(loggedBefore));
    }

    @Test
    void headOverTheWireIsGetWithoutTheBody() {
        awaitReady();
        RawHttp http = new RawHttp(port);
        for (String path : new String[] {"/k8s/api/v1/pods", "/k8s/api", "/k8s/api/v1/namespaces/nowhere/pods/none"}) {
            RawHttp.Response get = http.send("GET " + path + " HTTP/1.1");
            RawHttp.Response head = http.send("HEAD " + path + " HTTP/1.1");

            assertThat(head.status()).isEqualTo(get.status());
            assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
            assertThat(head.body()).isEmpty();
            assertThat(get.body()).isNotEmpty();
        }
    }

    /** Fixed seed and count: the same 1,000 requests every run, a few seconds at most. */
    @Test
    void randomPathsAndQueriesThroughTomcatAreNeverServerErrors(CapturedOutput output) {
        awaitReady();
        int loggedBefore = output.getAll().length();
        Random random = new Random(16);
        RawHttp http = new RawHttp(port);
        for (int i = 0; i < 1000; i++) {
            String target = "/k8s/" + randomText(random) + "?labelSelector=" + randomText(random) + "&fieldSelector="
                    + randomText(random) + "&limit=" + randomText(random) + "&continue=" + randomText(random);

            RawHttp.Response response = http.send("GET " + target + " HTTP/1.1");

            assertThat(response.status())
                    .as(target)
                    .satisfiesAnyOf(
                            code -> assertThat(code).isBetween(200, 299),
                            code -> assertThat(code).isBetween(400, 499));
            assertThat(response.body())
                    .as(target)
                    .satisfiesAnyOf(
                            body -> assertThat(body).isEmpty(),
                            body -> assertThat(body).startsWith("{"));
        }
        assertLoggedQuietly(output.getAll().substring(loggedBefore));
    }

    /**
     * Path and query characters and percent escapes, valid or not; now and then one of the characters Tomcat refuses
     * outright, which would otherwise end nearly every request before the application.
     */
    private static String randomText(Random random) {
        String[] pieces = {
            "a",
            "v1",
            "pods",
            "web-1",
            "/",
            ".",
            "..",
            "=",
            ",",
            "!",
            "(",
            ")",
            "%2F",
            "%2e",
            "%00",
            "%zz",
            "%",
            "%C3%A9",
            "%FF",
            "%E2%80%AE",
            ";",
            "+",
            "~",
            "%20",
            "%3D"
        };
        String[] refused = {"{", "|", "\\", "\"", "<"};
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        if (random.nextInt(50) == 0) {
            text.insert(random.nextInt(text.length() + 1), refused[random.nextInt(refused.length)]);
        }
        return text.toString();
    }

    private static JsonNode json(RawHttp.Response response) {
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JsonMapper.shared().readTree(response.body());
    }

    /**
     * Nothing at INFO or above from the threads serving requests, and no stack frame of the web stack anywhere:
     * background components may log meanwhile, but never from a request thread or through Tomcat and Spring MVC.
     */
    private static void assertLoggedQuietly(String logged) {
        assertThat(logged.lines())
                .noneMatch(line -> line.contains("-exec-")
                        && (line.contains(" INFO ") || line.contains(" WARN ") || line.contains(" ERROR ")))
                .noneMatch(line -> line.startsWith("\tat org.apache.catalina.")
                        || line.startsWith("\tat org.apache.coyote.")
                        || line.startsWith("\tat org.springframework.web."));
    }

    /**
     * Until the pods informer has synced, a list is a 503, which would hide what these requests test; and the first
     * request over the wire initialises the DispatcherServlet, which logs that at INFO.
     */
    private void awaitReady() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mvc.get().uri("/k8s/api/v1/pods")).hasStatusOk());
        assertThat(new RawHttp(port).send("GET /k8s/api HTTP/1.1").status()).isEqualTo(200);
    }
}
