package io.kubeeventbridge.query;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a {@link StatusException} thrown by a query controller with its {@code Status}. */
@RestControllerAdvice(basePackageClasses = StatusExceptionHandler.class)
final class StatusExceptionHandler {

    @ExceptionHandler
    ResponseEntity<Object> status(StatusException exception) {
        return exception.response();
    }
}
