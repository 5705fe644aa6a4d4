package io.kubeeventbridge.query;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error found outside the query controllers (by Tomcat, by Spring MVC, by an actuator endpoint), in JSON: a
 * Kubernetes {@code Status} for paths under {@code /k8s}, where clients expect nothing else, and Spring Boot's usual
 * {@code status}, {@code error}, {@code message} and {@code path} elsewhere. Never an HTML page.
 */
final class ErrorResponses {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ErrorResponses() {}

    /**
     * @param path the request URI as the client sent it
     * @param detail what Tomcat or Spring said about the error, or {@code null}
     */
    static ResponseEntity<Object> of(String path, String method, HttpStatusCode code, String detail) {
        Optional<String> shown = shownDetail(code, detail);
        if (!(path.equals(QueryPaths.PREFIX) || path.startsWith(QueryPaths.PREFIX + "/"))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", code.value());
            body.put("error", phrase(code));
            shown.ifPresent(message -> body.put("message", message));
            body.put("path", path);
            return ResponseEntity.status(code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body);
        }
        if (code.value() == HttpStatus.NOT_FOUND.value()) {
            return StatusResponses.noSuchPath(path);
        }
        if (code.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return StatusResponses.methodNotAllowed(method);
        }
        return StatusResponses.error(code, shown.orElse(phrase(code)));
    }

    /** Only a client error's: what a server error says may describe the server's insides. */
    private static Optional<String> shownDetail(HttpStatusCode code, String detail) {
        return Optional.ofNullable(detail).filter(text -> !text.isBlank() && code.is4xxClientError());
    }

    /**
     * Writes an error past Spring MVC's message converters, which decode the request URI to guard against reflected
     * file downloads and fail with a 500 on one that does not decode: a malformed request must still get its answer.
     */
    static void write(ResponseEntity<Object> error, HttpServletResponse response) throws IOException {
        response.setStatus(error.getStatusCode().value());
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), error.getBody());
    }

    private static String phrase(HttpStatusCode code) {
        HttpStatus known = HttpStatus.resolve(code.value());
        return known == null ? "HTTP " + code.value() : known.getReasonPhrase();
    }
}
