package io.kubeeventbridge.kubernetes;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeeventbridge.query.AccessReviewUnavailableException;
import io.kubeeventbridge.query.AccessReviewer;
import io.kubeeventbridge.query.ResourceAttributes;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link AccessReviewer} through TokenReview and SubjectAccessReview, as the API server itself authorizes. */
final class KubernetesAccessReviewer implements AccessReviewer {

    private final KubernetesClient client;

    KubernetesAccessReviewer(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<User> authenticate(String token) {
        TokenReview review;
        try {
            review = ask(
                    "tokenreviews",
                    () -> client.authentication()
                            .v1()
                            .tokenReviews()
                            .create(new TokenReviewBuilder()
                                    .withNewSpec()
                                    .withToken(token)
                                    .endSpec()
                                    .build()));
        } catch (RejectedTokenException e) {
            return Optional.empty();
        }
        if (review.getStatus() == null
                || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
            return Optional.empty();
        }
        UserInfo user = review.getStatus().getUser();
        return Optional.of(new User(user.getUsername(), user.getUid(), user.getGroups(), user.getExtra()));
    }

    @Override
    public boolean allowed(User user, ResourceAttributes attributes) {
        SubjectAccessReview review;
        try {
            review = ask(
                    "subjectaccessreviews",
                    () -> client.authorization()
                            .v1()
                            .subjectAccessReview()
                            .create(new SubjectAccessReviewBuilder()
                                    .withNewSpec()
                                    .withUser(user.name())
                                    .withUid(user.uid())
                                    .withGroups(user.groups())
                                    .withExtra(user.extra())
                                    .withNewResourceAttributes()
                                    .withVerb(attributes.verb())
                                    .withGroup(attributes.group())
                                    .withVersion(attributes.version())
                                    .withResource(attributes.resource())
                                    .withNamespace(attributes.namespace())
                                    .withName(attributes.name())
                                    .endResourceAttributes()
                                    .endSpec()
                                    .build()));
        } catch (RejectedTokenException e) {
            return false;
        }
        return review.getStatus() != null
                && Boolean.TRUE.equals(review.getStatus().getAllowed());
    }

    /**
     * Sends a review. The API server answers 400 or 422 to a review it cannot evaluate (a malformed token): that is a
     * "no", not an outage. Anything else that fails is an outage, or a bridge without permission to ask, which the
     * message names.
     */
    private static <T> T ask(String reviews, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            int code = e.getCode();
            if (code == HttpURLConnection.HTTP_BAD_REQUEST || code == 422) {
                throw new RejectedTokenException();
            }
            String why = code == HttpURLConnection.HTTP_FORBIDDEN
                    ? "the bridge's service account may not create " + reviews + " (grant create on " + reviews
                            + " in its ClusterRole)"
                    : "creating " + reviews + " failed" + (code > 0 ? " with HTTP " + code : "") + ": "
                            + e.getMessage();
            throw new AccessReviewUnavailableException(why, e);
        }
    }

    /** The API server refused to evaluate the review's input. */
    private static final class RejectedTokenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RejectedTokenException() {
            super(null, null, false, false);
        }
    }
}
