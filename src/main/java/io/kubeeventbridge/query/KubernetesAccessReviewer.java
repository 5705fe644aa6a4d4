package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** {@link AccessReviewer} through TokenReview and SubjectAccessReview, as the API server itself authorizes. */
final class KubernetesAccessReviewer implements AccessReviewer {

    private final KubernetesClient client;

    KubernetesAccessReviewer(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<User> authenticate(String token) {
        TokenReview review = client.authentication()
                .v1()
                .tokenReviews()
                .create(new TokenReviewBuilder()
                        .withNewSpec()
                        .withToken(token)
                        .endSpec()
                        .build());
        if (review.getStatus() == null
                || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())) {
            return Optional.empty();
        }
        UserInfo user = review.getStatus().getUser();
        return Optional.of(new User(user.getUsername(), user.getUid(), user.getGroups(), user.getExtra()));
    }

    @Override
    public boolean allowed(User user, ResourceAttributes attributes) {
        SubjectAccessReview review = client.authorization()
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
                        .build());
        return review.getStatus() != null && review.getStatus().getAllowed();
    }
}
