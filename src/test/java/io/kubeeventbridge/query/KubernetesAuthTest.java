package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * bridge.query.auth=kubernetes against a mock API server in expectations mode that answers TokenReview (alice's
 * token is valid) and SubjectAccessReview (alice may read pods in shop, nothing else).
 */
class KubernetesAuthTest {

    private final KubernetesMockServer server = new KubernetesMockServer(false);
    private final AtomicInteger tokenReviews = new AtomicInteger();
    private final AtomicInteger accessReviews = new AtomicInteger();
    private KubernetesClient client;
    private MockMvcTester mvc;

    @BeforeEach
    void startServer() {
        server.init();
        server.expect()
                .post()
                .withPath("/apis/authentication.k8s.io/v1/tokenreviews")
                .andReply(201, request -> {
                    tokenReviews.incrementAndGet();
                    TokenReview review =
                            Serialization.unmarshal(request.getBody().readUtf8(), TokenReview.class);
                    boolean alice = "alice-token".equals(review.getSpec().getToken());
                    return new TokenReviewBuilder(review)
                            .withNewStatus()
                            .withAuthenticated(alice)
                            .withNewUser()
                            .withUsername(alice ? "alice" : null)
                            .withGroups(alice ? List.of("system:authenticated") : List.of())
                            .endUser()
                            .endStatus()
                            .build();
                })
                .always();
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
                .andReply(201, request -> {
                    accessReviews.incrementAndGet();
                    SubjectAccessReview review =
                            Serialization.unmarshal(request.getBody().readUtf8(), SubjectAccessReview.class);
                    var attributes = review.getSpec().getResourceAttributes();
                    boolean allowed = "alice".equals(review.getSpec().getUser())
                            && "pods".equals(attributes.getResource())
                            && "shop".equals(attributes.getNamespace())
                            && List.of("get", "list").contains(attributes.getVerb());
                    return new SubjectAccessReviewBuilder(review)
                            .withNewStatus()
                            .withAllowed(allowed)
                            .endStatus()
                            .build();
                })
                .always();
        // No retries, so the fail-closed test does not wait through the client's backoff.
        try (KubernetesClient template = server.createClient()) {
            client = new KubernetesClientBuilder()
                    .withConfig(new ConfigBuilder(template.getConfiguration())
                            .withRequestRetryBackoffLimit(0)
                            .build())
                    .build();
        }
        QueryApiFixture fixture = new QueryApiFixture();
        AccessReviewer reviewer = new CachingAccessReviewer(
                new KubernetesAccessReviewer(client), Duration.ofMinutes(1), 100, Clock.systemUTC());
        mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(
                        new DiscoveryController(fixture.caches()),
                        new ObjectQueryController(fixture.caches(), new TableRenderer(Clock.systemUTC())))
                .setControllerAdvice(new StatusExceptionHandler())
                .addFilter(new KubernetesAuthFilter(reviewer), "/k8s/*")
                .build());
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.destroy();
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/shop/pods"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Status");
                    assertThat(json).extractingPath("$.reason").isEqualTo("Unauthorized");
                    assertThat(json).extractingPath("$.code").isEqualTo(401);
                });
        assertThat(tokenReviews).hasValue(0);
    }

    @Test
    void tokenTheApiServerRejectsIsUnauthorized() {
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/shop/pods").header("Authorization", "Bearer mallory"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/k8s/api").header("Authorization", "Bearer mallory"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void allowedUserReadsWhatSheMayRead() {
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/shop/pods").header("Authorization", "Bearer alice-token"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly("api-1", "web-1", "web-2");
        assertThat(mvc.get()
                        .uri("/k8s/api/v1/namespaces/shop/pods/web-1")
                        .header("Authorization", "Bearer alice-token"))
                .hasStatusOk();
    }

    @Test
    void allowedUserIsForbiddenElsewhere() {
        assertThat(mvc.get().uri("/k8s/api/v1/pods").header("Authorization", "Bearer alice-token"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.reason").isEqualTo("Forbidden");
                    assertThat(json)
                            .extractingPath("$.message")
                            .isEqualTo("pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group"
                                    + " \"\" at the cluster scope");
                });
        assertThat(mvc.get()
                        .uri("/k8s/apis/apps/v1/namespaces/shop/deployments/web")
                        .header("Authorization", "Bearer alice-token"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("cannot get resource \"deployments\" in API group \"apps\" in the namespace \"shop\"");
    }

    @Test
    void discoveryNeedsOnlyAnAcceptedToken() {
        assertThat(mvc.get().uri("/k8s/apis").header("Authorization", "Bearer alice-token"))
                .hasStatusOk();
        assertThat(accessReviews).hasValue(0);
    }

    @Test
    void decisionsAreCachedBriefly() {
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.get().uri("/k8s/api/v1/namespaces/shop/pods").header("Authorization", "Bearer alice-token"))
                    .hasStatusOk();
            assertThat(mvc.get().uri("/k8s/api/v1/pods").header("Authorization", "Bearer alice-token"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(tokenReviews).hasValue(1);
        assertThat(accessReviews).hasValue(2);
    }

    @Test
    void unreachableApiServerFailsClosed() {
        server.destroy();
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/shop/pods").header("Authorization", "Bearer alice-token"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
