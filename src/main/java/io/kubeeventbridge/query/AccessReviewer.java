package io.kubeeventbridge.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the cluster who a bearer token belongs to, and what that user may read: the query API's port to the API
 * server's TokenReview and SubjectAccessReview.
 */
public interface AccessReviewer {

    /**
     * The user the token authenticates, or empty when the API server does not accept it.
     *
     * @throws AccessReviewUnavailableException when the API server gives no answer
     */
    Optional<User> authenticate(String token);

    /**
     * Whether the user may do what the attributes say, as the API server's authorizer decides.
     *
     * @throws AccessReviewUnavailableException when the API server gives no answer
     */
    boolean allowed(User user, ResourceAttributes attributes);

    /** A user as TokenReview reports it, everything SubjectAccessReview needs. */
    record User(String name, String uid, List<String> groups, Map<String, List<String>> extra) {}
}
