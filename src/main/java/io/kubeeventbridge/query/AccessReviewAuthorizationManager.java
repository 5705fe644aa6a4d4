package io.kubeeventbridge.query;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Who may do what under {@code bridge.query.auth=kubernetes}, deny by default: the probes are open to anyone (the
 * kubelet sends no token); every other request needs a user whose token the API server accepted; a read of a
 * resource needs the API server's yes for that user, verb, resource and namespace (SubjectAccessReview); a read under
 * {@code /k8s} that is neither discovery nor a resource path is refused. Writes are let through to be answered 405.
 */
final class AccessReviewAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision ANONYMOUS = new AuthorizationDecision(false);
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final AccessReviewer reviewer;
    private final List<PathPattern> probes;

    /** @param probes the liveness and readiness paths, open without a token */
    AccessReviewAuthorizationManager(AccessReviewer reviewer, List<PathPattern> probes) {
        this.reviewer = reviewer;
        this.probes = List.copyOf(probes);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        if (isProbe(request)) {
            return GRANTED;
        }
        if (!(authentication.get() instanceof ReviewedUser user)) {
            return ANONYMOUS;
        }
        if (!QueryRequests.isQuery(request)
                || !READS.contains(request.getMethod())
                || QueryRequests.isDiscovery(request)) {
            return GRANTED;
        }
        return QueryRequests.resource(request)
                .map(attributes -> review(user, attributes))
                .orElseGet(() -> new Denial(StatusResponses.forbidden("User \"" + user.getName()
                        + "\" cannot get path \""
                        + request.getRequestURI() + "\": the bridge serves only discovery and the list, watch and get "
                        + "paths of the resources it watches")));
    }

    private AuthorizationResult review(ReviewedUser user, ResourceAttributes attributes) {
        try {
            return reviewer.allowed(user.user(), attributes)
                    ? GRANTED
                    : new Denial(StatusResponses.forbidden(attributes.forbiddenMessage(user.getName())));
        } catch (AccessReviewUnavailableException e) {
            return new Denial(StatusResponses.unavailableReview(), e.getMessage());
        }
    }

    private boolean isProbe(HttpServletRequest request) {
        var path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        return READS.contains(request.getMethod()) && probes.stream().anyMatch(probe -> probe.matches(path));
    }

    /**
     * A refusal, with the Status that explains it to the client.
     *
     * @param status the response
     * @param cause why the API server could not be asked, for the log; {@code null} for a plain "no"
     */
    record Denial(ResponseEntity<Object> status, String cause) implements AuthorizationResult {

        Denial(ResponseEntity<Object> status) {
            this(status, null);
        }

        @Override
        public boolean isGranted() {
            return false;
        }
    }
}
