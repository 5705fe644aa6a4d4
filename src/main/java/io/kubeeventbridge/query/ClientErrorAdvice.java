package io.kubeeventbridge.query;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Exceptions that mean the request was bad, from any handler (the query API's or the actuator's), answered with a 4xx
 * and logged at DEBUG without a stack trace: escaping, each was a 500 or a 400 logged by Tomcat at ERROR.
 */
@RestControllerAdvice
final class ClientErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ClientErrorAdvice.class);

    private final ObjectProvider<PathMappedEndpoints> endpoints;

    ClientErrorAdvice(ObjectProvider<PathMappedEndpoints> endpoints) {
        this.endpoints = endpoints;
    }

    /** A query string Tomcat cannot parse: bad percent-encoding, bytes that are not UTF-8, too many parameters. */
    @ExceptionHandler
    ResponseEntity<Object> undecodableQueryString(InvalidParameterException exception, HttpServletRequest request) {
        log.debug("Undecodable query string of {}: {}", request.getRequestURI(), exception.toString());
        return ErrorResponses.of(
                request.getRequestURI(),
                request.getMethod(),
                HttpStatusCode.valueOf(exception.getErrorCode()),
                // Tomcat's own message names server settings; this one is meant for the client.
                "the query string is malformed: percent-encoded UTF-8 expected, within the number of parameters"
                        + " the server takes");
    }

    /**
     * Spring Boot 4.0's health endpoint throws {@code IllegalStateException: 'contributor' must not be null} for a path
     * below a component that does not exist ({@code /actuator/health/x/y}), where {@code /actuator/health/x} is a
     * 404. Any other IllegalStateException is left to fail as the bug it is.
     */
    @ExceptionHandler
    ResponseEntity<Object> pathBelowMissingHealthComponent(
            IllegalStateException exception, HttpServletRequest request) {
        PathMappedEndpoints mapped = endpoints.getIfAvailable();
        String health = mapped == null ? null : mapped.getPath(EndpointId.of("health"));
        if (health == null || !request.getRequestURI().startsWith(health + "/")) {
            throw exception;
        }
        log.debug("No health component at {}: {}", request.getRequestURI(), exception.toString());
        return ErrorResponses.of(request.getRequestURI(), request.getMethod(), HttpStatus.NOT_FOUND, null);
    }
}
