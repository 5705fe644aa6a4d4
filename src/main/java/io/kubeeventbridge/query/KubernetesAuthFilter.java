package io.kubeeventbridge.query;

import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bridge.query.auth=kubernetes}: every request under {@code /k8s} must carry a bearer token the API server
 * accepts (else 401), and reads of a resource must be allowed to that user (else 403), so nobody reads more through
 * the bridge than kubectl would show them. Discovery and version need an accepted token only, as on a cluster where
 * discovery is open to every authenticated user.
 */
final class KubernetesAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(KubernetesAuthFilter.class);
    private static final String BEARER = "Bearer ";

    private final AccessReviewer reviewer;
    private final JsonMapper json = JsonMapper.shared();

    KubernetesAuthFilter(AccessReviewer reviewer) {
        this.reviewer = reviewer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/k8s") || path.startsWith("/k8s/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            write(response, StatusResponses.unauthorized());
            return;
        }
        try {
            Optional<AccessReviewer.User> user =
                    reviewer.authenticate(header.substring(BEARER.length()).trim());
            if (user.isEmpty()) {
                write(response, StatusResponses.unauthorized());
                return;
            }
            Optional<ResourceAttributes> attributes = ResourceAttributes.of(path(request));
            if (attributes.isPresent() && !reviewer.allowed(user.get(), attributes.get())) {
                write(
                        response,
                        StatusResponses.forbidden(
                                attributes.get().forbiddenMessage(user.get().name())));
                return;
            }
        } catch (KubernetesClientException e) {
            // Fail closed: without an answer from the API server nobody is let in.
            log.warn("Access review failed: {}", e.getMessage());
            write(response, StatusResponses.unavailableReview());
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void write(HttpServletResponse response, ResponseEntity<Object> status) throws IOException {
        response.setStatus(status.getStatusCode().value());
        status.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), status.getBody());
    }
}
