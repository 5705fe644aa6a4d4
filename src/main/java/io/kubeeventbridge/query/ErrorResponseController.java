package io.kubeeventbridge.query;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error page, where Tomcat forwards every error raised inside the application: replaces Boot's own,
 * which answered HTML to browsers and 500 to a plain request for {@code /error}, with {@link ErrorResponses}, written
 * directly (see {@link ErrorResponses#write}).
 */
@RestController
final class ErrorResponseController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(errorOf(request), response);
    }

    private static ResponseEntity<Object> errorOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly rather than forwarded to: there is nothing at this path.
            return ErrorResponses.of(request.getRequestURI(), request.getMethod(), HttpStatus.NOT_FOUND, null);
        }
        // The error dispatch itself is a GET; Servlet 6.1 keeps the client's method aside.
        Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD);
        return ErrorResponses.of(
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                method == null ? request.getMethod() : (String) method,
                HttpStatusCode.valueOf((Integer) code),
                (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
    }
}
