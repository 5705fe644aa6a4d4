package io.kubeeventbridge.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeeventbridge.query.AccessReviewUnavailableException;
import io.kubeeventbridge.query.AccessReviewer.User;
import io.kubeeventbridge.query.ResourceAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TokenReview and SubjectAccessReview against a mock API server in expectations mode: alice's token is valid, a
 * token of "!" is malformed (422), and alice may list pods in shop.
 */
class KubernetesAccessReviewerTest {

    private static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
    private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
    private static final User ALICE = new User("alice", "uid-1", List.of("system:authenticated"), Map.of());

    private final KubernetesMockServer server = new KubernetesMockServer(false);
    private KubernetesClient client;
    private KubernetesAccessReviewer reviewer;

    @BeforeEach
    void startServer() {
        server.init();
        try (KubernetesClient template = server.createClient()) {
            // No retries, so the failure tests do not wait through the client's backoff.
            client = new KubernetesClientBuilder()
                    .withConfig(new ConfigBuilder(template.getConfiguration())
                            .withRequestRetryBackoffLimit(0)
                            .build())
                    .build();
        }
        reviewer = new KubernetesAccessReviewer(client);
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.destroy();
    }

    @Test
    void anAcceptedTokenIsItsUser() {
        answerTokenReviews();
        assertThat(reviewer.authenticate("alice-token"))
                .hasValueSatisfying(user -> assertThat(user.name()).isEqualTo("alice"));
        assertThat(reviewer.authenticate("mallory")).isEmpty();
    }

    @Test
    void aTokenTheApiServerCannotEvaluateIsNotAccepted() {
        server.expect()
                .post()
                .withPath(TOKEN_REVIEWS)
                .andReturn(
                        422,
                        new StatusBuilder().withCode(422).withReason("Invalid").build())
                .always();
        assertThat(reviewer.authenticate("!")).isEmpty();
    }

    @Test
    void aBridgeWithoutPermissionToReviewSaysWhichGrantIsMissing() {
        server.expect()
                .post()
                .withPath(TOKEN_REVIEWS)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .build())
                .always();
        assertThatThrownBy(() -> reviewer.authenticate("alice-token"))
                .isInstanceOf(AccessReviewUnavailableException.class)
                .hasMessageContaining("may not create tokenreviews");
    }

    @Test
    void anUnreachableApiServerIsUnavailableNotADenial() {
        server.destroy();
        assertThatThrownBy(() -> reviewer.allowed(ALICE, listPods("shop")))
                .isInstanceOf(AccessReviewUnavailableException.class)
                .hasMessageContaining("subjectaccessreviews");
    }

    @Test
    void accessIsAskedForTheUserAndAttributes() {
        server.expect()
                .post()
                .withPath(ACCESS_REVIEWS)
                .andReply(201, request -> {
                    SubjectAccessReview review =
                            Serialization.unmarshal(request.getBody().readUtf8(), SubjectAccessReview.class);
                    var attributes = review.getSpec().getResourceAttributes();
                    boolean allowed = "alice".equals(review.getSpec().getUser())
                            && review.getSpec().getGroups().contains("system:authenticated")
                            && "list".equals(attributes.getVerb())
                            && "pods".equals(attributes.getResource())
                            && "shop".equals(attributes.getNamespace());
                    return new SubjectAccessReviewBuilder(review)
                            .withNewStatus()
                            .withAllowed(allowed)
                            .endStatus()
                            .build();
                })
                .always();
        assertThat(reviewer.allowed(ALICE, listPods("shop"))).isTrue();
        assertThat(reviewer.allowed(ALICE, listPods("payments"))).isFalse();
    }

    private void answerTokenReviews() {
        server.expect()
                .post()
                .withPath(TOKEN_REVIEWS)
                .andReply(201, request -> {
                    TokenReview review =
                            Serialization.unmarshal(request.getBody().readUtf8(), TokenReview.class);
                    boolean alice = "alice-token".equals(review.getSpec().getToken());
                    return new TokenReviewBuilder(review)
                            .withNewStatus()
                            .withAuthenticated(alice)
                            .withNewUser()
                            .withUsername(alice ? "alice" : null)
                            .endUser()
                            .endStatus()
                            .build();
                })
                .always();
    }

    private static ResourceAttributes listPods(String namespace) {
        return new ResourceAttributes("list", "", "v1", "pods", namespace, "");
    }
}
