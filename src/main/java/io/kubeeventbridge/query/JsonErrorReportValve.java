package io.kubeeventbridge.query;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * Tomcat's answer to a request it rejects before the application sees it (a path that does not percent-decode or
 * normalise, an illegal character, a malformed header), which no Spring error page can reach: {@link ErrorResponses}
 * JSON instead of Tomcat's HTML page.
 */
final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // As Tomcat's own report: errors only, once, when nothing was written yet and the client can still read.
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ResponseEntity<Object> error = ErrorResponses.of(
                request.getRequestURI(), request.getMethod(), code(request, response), response.getMessage());
        try {
            ErrorResponses.write(error, response);
            response.finishResponse();
        } catch (IOException | IllegalStateException clientGoneOrResponseCommitted) {
            // Nothing more can be said to this client.
        }
    }

    /** Tomcat refuses CONNECT itself, as 501 Not Implemented; to a read-only API it is one more method not allowed. */
    private static HttpStatusCode code(Request request, Response response) {
        boolean connect =
                response.getStatus() == HttpStatus.NOT_IMPLEMENTED.value() && "CONNECT".equals(request.getMethod());
        return connect ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatusCode.valueOf(response.getStatus());
    }
}
