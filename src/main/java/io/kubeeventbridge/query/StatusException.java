package io.kubeeventbridge.query;

import org.springframework.http.ResponseEntity;

/** Ends a request with a Kubernetes {@code Status} response, from wherever in the query code the problem is found. */
final class StatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ResponseEntity<Object> response;

    StatusException(ResponseEntity<Object> response) {
        super(String.valueOf(response.getStatusCode()), null, false, false);
        this.response = response;
    }

    ResponseEntity<Object> response() {
        return response;
    }
}
