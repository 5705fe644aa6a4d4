package io.kubeeventbridge.query;

import io.kubeeventbridge.event.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Errors as Kubernetes {@code Status} objects, so kubectl and client libraries show them as they would the API's. */
final class StatusResponses {

    private StatusResponses() {}

    static ResponseEntity<Object> notWatched(String group, String version, String plural) {
        String apiVersion = group.isEmpty() ? version : group + "/" + version;
        return status(
                HttpStatus.NOT_FOUND,
                "NotFound",
                "the bridge does not watch " + plural + " in " + apiVersion,
                Map.of("group", group, "kind", plural));
    }

    /** A namespace outside those an entry lists: not an empty list, which would read as "nothing there". */
    static ResponseEntity<Object> namespaceNotWatched(ResourceType type, String namespace, List<String> watched) {
        return status(
                HttpStatus.NOT_FOUND,
                "NotFound",
                "the bridge does not watch " + type.plural() + " in namespace \"" + namespace
                        + "\"; it watches them in " + String.join(", ", watched),
                Map.of("group", type.group(), "kind", type.plural()));
    }

    static ResponseEntity<Object> notFound(ResourceType type, String name) {
        return status(
                HttpStatus.NOT_FOUND,
                "NotFound",
                type.plural() + " \"" + name + "\" not found",
                Map.of("name", name, "group", type.group(), "kind", type.plural()));
    }

    static ResponseEntity<Object> noOpenApi() {
        return status(
                HttpStatus.NOT_FOUND,
                "NotFound",
                "the bridge serves no OpenAPI documents; run kubectl explain against the cluster's API server",
                Map.of());
    }

    static ResponseEntity<Object> noSuchPath(String path) {
        return status(
                HttpStatus.NOT_FOUND, "NotFound", "the server could not find the requested resource " + path, Map.of());
    }

    static ResponseEntity<Object> unavailable(ResourceType type) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "ServiceUnavailable",
                        "the cache of " + type + " has not synced yet",
                        Map.of("group", type.group(), "kind", type.plural())));
    }

    static ResponseEntity<Object> unavailableReview() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "ServiceUnavailable",
                        "the API server did not answer the access review; try again",
                        Map.of()));
    }

    /** 410 Expired: the changes a watch asks for are no longer held; the client lists again. */
    static ResponseEntity<Object> expired(String message) {
        return status(HttpStatus.GONE, "Expired", message, Map.of());
    }

    static ResponseEntity<Object> badRequest(String message) {
        return status(HttpStatus.BAD_REQUEST, "BadRequest", message, Map.of());
    }

    static ResponseEntity<Object> methodNotAllowed(String method) {
        return status(
                HttpStatus.METHOD_NOT_ALLOWED,
                "MethodNotAllowed",
                method + " is not supported: the bridge serves a read-only view of its caches (get, list and watch)",
                Map.of());
    }

    static ResponseEntity<Object> unauthorized() {
        return status(HttpStatus.UNAUTHORIZED, "Unauthorized", "Unauthorized", Map.of());
    }

    static ResponseEntity<Object> forbidden(String message) {
        return status(HttpStatus.FORBIDDEN, "Forbidden", message, Map.of());
    }

    static ResponseEntity<Object> tooManyRequests(String message) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests", message, Map.of()));
    }

    private static ResponseEntity<Object> status(
            HttpStatus code, String reason, String message, Map<String, String> details) {
        return ResponseEntity.status(code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(code, reason, message, details));
    }

    private static Map<String, Object> body(
            HttpStatus code, String reason, String message, Map<String, String> details) {
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
}
