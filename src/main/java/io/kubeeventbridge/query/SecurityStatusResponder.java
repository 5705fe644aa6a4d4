package io.kubeeventbridge.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every refusal of the security filter chain as a Kubernetes {@code Status}, the way kubectl and client libraries
 * expect the API server's: 400 for a request the firewall rejects (encoded slashes, {@code ;} parameters,
 * {@code ..}), 401 without an accepted token, 403 when the API server says no, 429 past the review rate, 503 when it
 * cannot be asked. Each is counted in {@code bridge_query_refused_total} by reason; client mistakes are logged at
 * DEBUG, an API server that cannot be asked at WARN.
 */
final class SecurityStatusResponder
        implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityStatusResponder.class);

    private final MeterRegistry meters;

    SecurityStatusResponder(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        refuse(response, "unauthorized", StatusResponses.unauthorized());
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof TokenReviewAuthenticationProvider.TooManyReviewsException) {
            log.debug("Refused {}: {}", request.getRequestURI(), exception.getMessage());
            refuse(response, "rate_limited", StatusResponses.tooManyRequests("too many token reviews; try again"));
        } else if (exception instanceof AuthenticationServiceException) {
            log.warn("Token review failed, refusing the request: {}", exception.getMessage());
            refuse(response, "review_unavailable", StatusResponses.unavailableReview());
        } else {
            refuse(response, "unauthorized", StatusResponses.unauthorized());
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (exception instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AccessReviewAuthorizationManager.Denial denial) {
            if (denial.cause() != null) {
                log.warn("Access review failed, refusing the request: {}", denial.cause());
                refuse(response, "review_unavailable", denial.status());
            } else {
                refuse(response, "forbidden", denial.status());
            }
            return;
        }
        refuse(response, "forbidden", StatusResponses.forbidden(exception.getMessage()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
            throws IOException {
        log.debug("Rejected a request: {}", exception.getMessage());
        refuse(response, "rejected", StatusResponses.badRequest("the request was rejected: " + exception.getMessage()));
    }

    private void refuse(HttpServletResponse response, String reason, ResponseEntity<Object> status) throws IOException {
        Counter.builder("bridge.query.refused")
                .description("Query API requests refused by authentication, authorization or the firewall")
                .tag("reason", reason)
                .register(meters)
                .increment();
        ErrorResponses.write(status, response);
    }
}
