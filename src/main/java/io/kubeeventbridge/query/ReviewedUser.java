package io.kubeeventbridge.query;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A user whose token the API server accepted (TokenReview); what they may read is asked per request. */
final class ReviewedUser extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient AccessReviewer.User user;

    ReviewedUser(AccessReviewer.User user) {
        super(List.of());
        this.user = user;
        setAuthenticated(true);
    }

    AccessReviewer.User user() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return user.name();
    }
}
