package io.kubeeventbridge.query;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Accepts a {@link BearerToken} when the API server does (TokenReview). Tokens that cannot be real are refused without
 * asking, and each client may cause only so many reviews per second, so a flood of made-up tokens cannot turn the
 * bridge into a load generator against the API server.
 */
final class TokenReviewAuthenticationProvider implements AuthenticationProvider {

    // Service account and OIDC tokens are a few KB at most; header limits stop far larger ones anyway.
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final CachingAccessReviewer reviewer;
    private final ReviewRateLimiter limiter;

    TokenReviewAuthenticationProvider(CachingAccessReviewer reviewer, ReviewRateLimiter limiter) {
        this.reviewer = reviewer;
        this.limiter = limiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        BearerToken bearer = (BearerToken) authentication;
        String token = bearer.token();
        if (!plausible(token)) {
            throw new BadCredentialsException("malformed bearer token");
        }
        if (!reviewer.remembers(token) && !limiter.tryAcquire(bearer.client())) {
            throw new TooManyReviewsException(bearer.client());
        }
        Optional<AccessReviewer.User> user;
        try {
            user = reviewer.authenticate(token);
        } catch (AccessReviewUnavailableException e) {
            throw new AuthenticationServiceException(e.getMessage(), e);
        }
        return user.map(ReviewedUser::new).orElseThrow(() -> new BadCredentialsException("token not accepted"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }

    /** Printable ASCII without spaces, as every token format Kubernetes issues or accepts is. */
    private static boolean plausible(String token) {
        return !token.isEmpty()
                && token.length() <= MAX_TOKEN_LENGTH
                && token.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }

    /** A client asked for more token reviews than {@code bridge.query.review-rate-limit} allows. */
    static final class TooManyReviewsException extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        TooManyReviewsException(String client) {
            super("too many token reviews for client " + client);
        }
    }
}
