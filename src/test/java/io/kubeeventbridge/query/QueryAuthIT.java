package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.discovery.ClusterVersion;
import io.kubeeventbridge.discovery.ResourceAliases;
import io.kubeeventbridge.informer.ResourceCacheDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bridge.query.auth=kubernetes} on a real Tomcat, so that paths are decoded and routed exactly as in
 * production: whatever encoding of a path the router accepts, access is checked on what it serves.
 */
@SpringBootTest(
        classes = QueryAuthIT.Application.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "bridge.resources[0].api-version=v1",
            "bridge.resources[0].resource=pods",
            "bridge.query.auth=kubernetes",
            "bridge.query.review-rate-limit=5",
            "management.endpoint.health.group.readiness.include=readinessState",
            "management.endpoint.health.group.liveness.include=livenessState"
        })
class QueryAuthIT {

    private static final String SHOP_PODS = "/k8s/api/v1/namespaces/shop/pods";
    private static final String PAYMENTS_PODS = "/k8s/api/v1/namespaces/payments/pods";
    private static final ResourceAttributes LIST_SHOP_PODS =
            new ResourceAttributes("list", "", "v1", "pods", "shop", "");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RecordingAccessReviewer reviewer;

    @AfterEach
    void reset() {
        reviewer.reset();
    }

    @Test
    void requestWithoutTokenIsUnauthorizedAsAStatus() {
        Response response = get(SHOP_PODS, null);
        assertThat(response.code()).isEqualTo(401);
        assertThat(response.json().path("kind").asString()).isEqualTo("Status");
        assertThat(response.json().path("reason").asString()).isEqualTo("Unauthorized");
        assertThat(reviewer.tokenReviews).hasValue(0);
    }

    @Test
    void tokenTheApiServerRejectsIsUnauthorizedEverywhere() {
        String token = "mallory-" + UUID.randomUUID();
        assertThat(get(SHOP_PODS, token).code()).isEqualTo(401);
        assertThat(get("/k8s/api", token).code()).isEqualTo(401);
        assertThat(get("/actuator/health", token).code()).isEqualTo(401);
    }

    @Test
    void rejectedTokensAreRememberedLikeAcceptedOnes() {
        String token = "mallory-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            assertThat(get(SHOP_PODS, token).code()).isEqualTo(401);
        }
        assertThat(reviewer.tokenReviews).hasValue(1);
    }

    @Test
    void tokensThatCannotBeRealAreRefusedWithoutAReview() {
        for (String token : List.of("", "a b", "x".repeat(20_000))) {
            assertThat(get(SHOP_PODS, token).code())
                    .as("token of length %d", token.length())
                    .isIn(400, 401);
        }
        assertThat(reviewer.tokenReviews).hasValue(0);
    }

    @Test
    void allowedUserReadsWhatSheMayRead() {
        Response list = get(SHOP_PODS, RecordingAccessReviewer.ALICE_TOKEN);
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.json()
                        .path("items")
                        .valueStream()
                        .map(pod -> pod.path("metadata").path("name").asString()))
                .containsExactly("api-1", "web-1", "web-2");
        assertThat(get(SHOP_PODS + "/web-1", RecordingAccessReviewer.ALICE_TOKEN)
                        .code())
                .isEqualTo(200);
    }

    @Test
    void aWatchIsReviewedAsTheVerbWatchSoListingDoesNotAllowWatching() {
        assertThat(get(SHOP_PODS, RecordingAccessReviewer.BOB_TOKEN).code()).isEqualTo(200);

        Response watch = get(SHOP_PODS + "?watch=1&timeoutSeconds=1", RecordingAccessReviewer.BOB_TOKEN);

        assertThat(watch.code()).isEqualTo(403);
        assertThat(watch.json().path("message").asString())
                .isEqualTo("pods is forbidden: User \"bob\" cannot watch resource \"pods\" in API group \"\" in the"
                        + " namespace \"shop\"");
        assertThat(reviewer.accessReviews)
                .containsExactly(LIST_SHOP_PODS, new ResourceAttributes("watch", "", "v1", "pods", "shop", ""));
    }

    @Test
    void anAllowedWatchStreamsTheObjectsItMayRead() {
        Response watch = get(SHOP_PODS + "?watch=1&timeoutSeconds=1", RecordingAccessReviewer.ALICE_TOKEN);

        assertThat(watch.code()).isEqualTo(200);
        assertThat(watch.body().lines().map(line -> JsonMapper.shared().readTree(line)))
                .extracting(event -> event.path("type").asString() + " "
                        + event.path("object").path("metadata").path("name").asString())
                .containsExactlyInAnyOrder("ADDED api-1", "ADDED web-1", "ADDED web-2");
        assertThat(reviewer.accessReviews)
                .containsExactly(new ResourceAttributes("watch", "", "v1", "pods", "shop", ""));
    }

    @Test
    void allowedUserIsForbiddenElsewhereWithTheApiServersWording() {
        Response response = get("/k8s/api/v1/pods", RecordingAccessReviewer.ALICE_TOKEN);
        assertThat(response.code()).isEqualTo(403);
        assertThat(response.json().path("reason").asString()).isEqualTo("Forbidden");
        assertThat(response.json().path("message").asString())
                .isEqualTo("pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" at the"
                        + " cluster scope");
    }

    @Test
    void discoveryNeedsOnlyAnAcceptedToken() {
        assertThat(get("/k8s/api/v1", RecordingAccessReviewer.ALICE_TOKEN).code())
                .isEqualTo(200);
        assertThat(reviewer.accessReviews).isEmpty();
    }

    @Test
    void unclassifiedReadsUnderThePrefixAreForbiddenNotPassedThrough() {
        assertThat(get(SHOP_PODS + "/web-1/log", RecordingAccessReviewer.ALICE_TOKEN)
                        .code())
                .isEqualTo(403);
        assertThat(get(SHOP_PODS + "/web-1/log", null).code()).isEqualTo(401);
    }

    @Test
    void probesAreOpenAndEverythingElseOnTheActuatorNeedsAToken() {
        assertThat(get("/actuator/health/liveness", null).code()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).code()).isEqualTo(200);
        assertThat(get("/actuator/health", null).code()).isEqualTo(401);
        assertThat(get("/actuator/health/liveness/x", null).code()).isEqualTo(401);
        assertThat(get("/error", null).code()).isEqualTo(401);
        assertThat(get("/actuator/health", RecordingAccessReviewer.ALICE_TOKEN).code())
                .isEqualTo(200);
    }

    @Test
    void anApiServerThatCannotBeAskedFailsClosed() {
        reviewer.down = true;
        Response response = get(SHOP_PODS, "unknown-" + UUID.randomUUID());
        assertThat(response.code()).isEqualTo(503);
        assertThat(response.json().path("reason").asString()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void reviewsPerClientAreRateLimitedAndResume() {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            codes.add(get(SHOP_PODS, "flood-" + UUID.randomUUID()).code());
        }
        assertThat(codes).contains(429).containsOnly(401, 429);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> get(SHOP_PODS, "later-" + UUID.randomUUID()).code() == 401);
    }

    /**
     * Every encoding of the path that Tomcat and the firewall let through is checked on what it means: an encoding of
     * shop's pods is alice's to read, an encoding of payments' pods never is, and no encoding reads without a token.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("encodingsOfShopPods")
    void everyEncodingOfAnAllowedReadIsCheckedOnWhatItServes(String path) {
        assertThat(get(path, null).code()).isIn(400, 401);
        Response response = get(path, RecordingAccessReviewer.ALICE_TOKEN);
        // 403: a path the router serves nothing at, such as with a trailing slash.
        assertThat(response.code()).isIn(200, 400, 403);
        if (response.code() == 200) {
            // Decisions are cached: a read served without a new review was approved for the same attributes before.
            assertThat(reviewer.accessReviews).allMatch(LIST_SHOP_PODS::equals);
            assertThat(response.json().path("items").valueStream())
                    .isNotEmpty()
                    .allMatch(pod ->
                            pod.path("metadata").path("namespace").asString().equals("shop"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodingsOfPaymentsPods")
    void noEncodingOfAForbiddenReadIsServed(String path) {
        assertThat(get(path, null).code()).isIn(400, 401);
        assertThat(get(path, RecordingAccessReviewer.ALICE_TOKEN).code()).isIn(400, 403);
    }

    @Test
    void percentEncodedSegmentsAreServedAndReviewedDecoded() {
        assertThat(get("/%6b8s/api/v1/namespaces/%73hop/%70ods", RecordingAccessReviewer.ALICE_TOKEN)
                        .code())
                .isEqualTo(200);
        assertThat(get("/%6B8s/api/v1/namespaces/%70ayments/pods", RecordingAccessReviewer.ALICE_TOKEN)
                        .code())
                .isEqualTo(403);
        assertThat(reviewer.accessReviews)
                .containsExactly(LIST_SHOP_PODS, new ResourceAttributes("list", "", "v1", "pods", "payments", ""));
    }

    @Test
    void ambiguousPathsAreRejectedAsBadRequests() {
        for (String path : List.of(
                "/k8s;x/api/v1/namespaces/payments/pods",
                "/k8s/api/v1/namespaces/shop/../payments/pods",
                "/k8s/api/v1/namespaces/shop%2F..%2Fpayments/pods",
                "/k8s/./api/v1/namespaces/payments/pods")) {
            Response response = get(path, RecordingAccessReviewer.ALICE_TOKEN);
            assertThat(response.code()).as(path).isEqualTo(400);
        }
    }

    static Stream<String> encodingsOfShopPods() {
        return encodings(SHOP_PODS);
    }

    static Stream<String> encodingsOfPaymentsPods() {
        return encodings(PAYMENTS_PODS);
    }

    /**
     * The ways a client can write {@code path}: each character percent-encoded (upper and lower hex), a {@code ;}
     * parameter on each segment, a doubled or trailing slash, dot segments.
     */
    private static Stream<String> encodings(String path) {
        List<String> variants = new ArrayList<>();
        for (int at = 0; at < path.length(); at++) {
            char c = path.charAt(at);
            if (c == '/') {
                variants.add(path.substring(0, at) + "/" + path.substring(at));
                variants.add(path.substring(0, at) + "/." + path.substring(at));
                if (at > 0) {
                    variants.add(path.substring(0, at) + ";p=1" + path.substring(at));
                }
                continue;
            }
            String hex = String.format("%02X", (int) c);
            variants.add(path.substring(0, at) + "%" + hex + path.substring(at + 1));
            variants.add(path.substring(0, at) + "%" + hex.toLowerCase() + path.substring(at + 1));
        }
        variants.add(path + "/");
        variants.add(path + ";p=1");
        variants.add(path + "%2F");
        variants.add(path.replace("/k8s/", "/k8s/x/../"));
        return variants.stream().distinct();
    }

    private Response get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Response(int code, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    @EnableConfigurationProperties(BridgeProperties.class)
    @Import({
        DiscoveryController.class,
        ObjectQueryController.class,
        OpenApiController.class,
        ReadOnlyFallbackController.class,
        StatusExceptionHandler.class,
        QueryConfiguration.class,
        QuerySecurityConfiguration.class,
        WatchConfiguration.class
    })
    static class Application {

        @Bean
        ResourceCacheDirectory caches() {
            return new QueryApiFixture().caches();
        }

        @Bean
        ResourceAliases aliases() {
            return QueryApiFixture.ALIASES;
        }

        @Bean
        ClusterVersion clusterVersion() {
            return new ClusterVersion(() -> QueryApiFixture.CLUSTER_VERSION);
        }

        @Bean
        RecordingAccessReviewer accessReviewer() {
            return new RecordingAccessReviewer();
        }
    }
}
