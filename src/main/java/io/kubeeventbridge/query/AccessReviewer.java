package io.kubeeventbridge.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks the cluster who a bearer token belongs to, and what that user may read. */
interface AccessReviewer {

    /** The user the token authenticates, or empty when the API server does not accept it. */
    Optional<User> authenticate(String token);

    /** Whether the user may do what the attributes say, as the API server's authorizer decides. */
    boolean allowed(User user, ResourceAttributes attributes);

    /** A user as TokenReview reports it, everything SubjectAccessReview needs. */
    record User(String name, String uid, List<String> groups, Map<String, List<String>> extra) {}
}
