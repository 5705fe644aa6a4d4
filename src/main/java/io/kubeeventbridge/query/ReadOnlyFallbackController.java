package io.kubeeventbridge.query;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the other query controllers do not answer, as {@code Status} objects: a path the bridge does not serve is 404,
 * OPTIONS names the read methods, and every other method is 405. The most general patterns, so every more specific
 * mapping wins.
 */
@RestController
@RequestMapping(QueryPaths.PREFIX)
final class ReadOnlyFallbackController {

    // GET only: Spring answers HEAD with any GET mapping, and an explicit HEAD here would win over the specific GET
    // mappings for HEAD requests, making HEAD on a list 404.
    @GetMapping({"", "/**"})
    ResponseEntity<Object> unknownPath(HttpServletRequest request) {
        return StatusResponses.noSuchPath(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    // Spring's own answer would list the write methods below, which are mapped only to be refused.
    @RequestMapping(
            path = {"", "/**"},
            method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.ok()
                .header(HttpHeaders.ALLOW, StatusResponses.READ_METHODS)
                .build();
    }

    // Every method not mapped more specifically, WebDAV and made-up ones included.
    @RequestMapping({"", "/**"})
    ResponseEntity<Object> otherMethod(HttpServletRequest request) {
        return StatusResponses.methodNotAllowed(request.getMethod());
    }
}
