package io.kubeeventbridge.query;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request URI with a percent-escape that does not decode is a 400. Tomcat decodes the path but not its path
 * parameters ({@code /k8s/api/v1/pods;x=%zz}), which Spring MVC decodes while writing any response body, to guard
 * against reflected file downloads: there it failed with IllegalArgumentException, a 500.
 */
final class UndecodableUriFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!decodes(request.getRequestURI())) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), "Invalid URI: a percent-escape does not decode");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether every {@code %} starts two hex digits. */
    static boolean decodes(String uri) {
        for (int at = uri.indexOf('%'); at >= 0; at = uri.indexOf('%', at + 1)) {
            if (at + 2 >= uri.length()
                    || Character.digit(uri.charAt(at + 1), 16) < 0
                    || Character.digit(uri.charAt(at + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
