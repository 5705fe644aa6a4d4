package io.kubeeventbridge.query;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the {@code Authorization: Bearer} token of a request, as the API server does for kubectl. A request
 * without one goes on anonymous, and the authorization rules decide whether that is enough (only for the probes); a
 * token that is presented and not accepted ends the request with 401 at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authentication;
    private final AuthenticationFailureHandler failures;

    BearerTokenFilter(AuthenticationManager authentication, AuthenticationFailureHandler failures) {
        this.authentication = authentication;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication.authenticate(
                    new BearerToken(header.substring(BEARER.length()).trim(), request.getRemoteAddr())));
            SecurityContextHolder.setContext(context);
        } catch (AuthenticationException e) {
            SecurityContextHolder.clearContext();
            failures.onAuthenticationFailure(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
