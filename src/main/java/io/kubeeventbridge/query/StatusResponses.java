package io.kubeeventbridge.query;

import io.kubeeventbridge.event.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Errors as Kubernetes {@code Status} objects, so kubectl and client libraries show them as they would the API's. */
final class StatusResponses {

    /** What a read-only view of the caches answers, for {@code Allow}. */
    static final String READ_METHODS = "GET, HEAD, OPTIONS";

    private StatusResponses() {}

    static ResponseEntity<Object> notWatched(String group, String version, String plural) {
        String apiVersion = group.isEmpty() ? version : group + "/" + version;
        return status(
                HttpStatus.NOT_FOUND,
                "the bridge does not watch " + plural + " in " + apiVersion,
                Map.of("group", group, "kind", plural));
    }

    /** A namespace outside those an entry lists: not an empty list, which would read as "nothing there". */
    static ResponseEntity<Object> namespaceNotWatched(ResourceType type, String namespace, List<String> watched) {
        return status(
                HttpStatus.NOT_FOUND,
                "the bridge does not watch " + type.plural() + " in namespace \"" + namespace
                        + "\"; it watches them in " + String.join(", ", watched),
                Map.of("group", type.group(), "kind", type.plural()));
    }

    static ResponseEntity<Object> notFound(ResourceType type, String name) {
        return status(
                HttpStatus.NOT_FOUND,
                type.plural() + " \"" + name + "\" not found",
                Map.of("name", name, "group", type.group(), "kind", type.plural()));
    }

    static ResponseEntity<Object> noOpenApi() {
        return status(
                HttpStatus.NOT_FOUND,
                "the bridge serves no OpenAPI documents; run kubectl explain against the cluster's API server",
                Map.of());
    }

    static ResponseEntity<Object> noSuchPath(String path) {
        return status(HttpStatus.NOT_FOUND, "the server could not find the requested resource " + path, Map.of());
    }

    static ResponseEntity<Object> unavailable(ResourceType type) {
        return retryAfterASecond(
                HttpStatus.SERVICE_UNAVAILABLE,
                "the cache of " + type + " has not synced yet",
                Map.of("group", type.group(), "kind", type.plural()));
    }

    static ResponseEntity<Object> unavailableReview() {
        return retryAfterASecond(
                HttpStatus.SERVICE_UNAVAILABLE, "the API server did not answer the access review; try again", Map.of());
    }

    /**
     * 410 Expired: the changes a watch asks for are no longer held; the client lists again. The API server gives this
     * 410 the reason Expired rather than Gone, and client-go looks for it.
     */
    static ResponseEntity<Object> expired(String message) {
        return ResponseEntity.status(HttpStatus.GONE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(HttpStatus.GONE, "Expired", message, Map.of()));
    }

    static ResponseEntity<Object> badRequest(String message) {
        return status(HttpStatus.BAD_REQUEST, message, Map.of());
    }

    static ResponseEntity<Object> methodNotAllowed(String method) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ALLOW, READ_METHODS);
        return status(
                HttpStatus.METHOD_NOT_ALLOWED,
                method + " is not supported: the bridge serves a read-only view of its caches (get, list and watch)",
                Map.of(),
                headers);
    }

    static ResponseEntity<Object> unauthorized() {
        return status(HttpStatus.UNAUTHORIZED, "Unauthorized", Map.of());
    }

    static ResponseEntity<Object> forbidden(String message) {
        return status(HttpStatus.FORBIDDEN, message, Map.of());
    }

    static ResponseEntity<Object> tooManyRequests(String message) {
        return retryAfterASecond(HttpStatus.TOO_MANY_REQUESTS, message, Map.of());
    }

    /**
     * Any other error, found outside the query controllers: by the servlet container, by Spring MVC before a
     * controller ran, or for a path no controller serves.
     */
    static ResponseEntity<Object> error(HttpStatusCode code, String message) {
        return status(code, message, Map.of());
    }

    /** With {@code Retry-After}, which client-go and kubectl honour by retrying after that many seconds. */
    private static ResponseEntity<Object> retryAfterASecond(
            HttpStatusCode code, String message, Map<String, String> details) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return status(code, message, details, headers);
    }

    private static ResponseEntity<Object> status(HttpStatusCode code, String message, Map<String, String> details) {
        return status(code, message, details, new HttpHeaders());
    }

    private static ResponseEntity<Object> status(
            HttpStatusCode code, String message, Map<String, String> details, HttpHeaders headers) {
        return ResponseEntity.status(code)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(code, reason(code), message, details));
    }

    private static Map<String, Object> body(
            HttpStatusCode code, String reason, String message, Map<String, String> details) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("apiVersion", "v1");
        status.put("kind", "Status");
        status.put("metadata", Map.of());
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        status.put("details", details);
        status.put("code", code.value());
        return status;
    }

    /** The API server's StatusReason for a code; the empty string is its StatusReasonUnknown. */
    private static String reason(HttpStatusCode code) {
        return switch (code.value()) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 408 -> "Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> "";
        };
    }
}
