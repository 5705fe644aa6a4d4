package io.kubeeventbridge.query;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request URI with a percent-escape that does not decode is a 400. Tomcat decodes the path but not its path
 * parameters ({@code /k8s/api/v1/pods;x=%zz}), which Spring decodes in more than one place and fails there with
 * IllegalArgumentException, a 500: Spring Security's path parsing, before its firewall would reject the {@code ;},
 * and Spring MVC's guard against reflected file downloads when it writes a response body.
 */
final class UndecodableUriFilter extends OncePerRequestFilter implements Ordered {

    /** Before Spring Security's filter chain (-100), after Spring's observation filter, which records the 400. */
    static final int ORDER = -1000;

    @Override
    public int getOrder() {
        return ORDER;
    }

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
