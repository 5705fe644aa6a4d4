package io.kubeeventbridge.query;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the other query controllers do not answer, as {@code Status} objects: any write verb is 405, and a path the
 * bridge does not serve is 404. The most general patterns, so every more specific mapping wins.
 */
@RestController
@RequestMapping(QueryPaths.PREFIX)
final class ReadOnlyFallbackController {

    @RequestMapping(
            path = {"", "/**"},
            method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<Object> write(HttpServletRequest request) {
        return StatusResponses.methodNotAllowed(request.getMethod());
    }

    @RequestMapping(
            path = {"", "/**"},
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Object> unknownPath(HttpServletRequest request) {
        return StatusResponses.noSuchPath(
                request.getRequestURI().substring(request.getContextPath().length()));
    }
}
