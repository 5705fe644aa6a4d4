package io.kubeeventbridge.query;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The HTTP response of a watch: Spring MVC's emitter for the request's lifecycle (servlet async, the container's
 * timeout), written from the watch's own thread, chunked. The status and headers are flushed as soon as the
 * controller returns, as the API server does, so a client sees its watch open before any event: kubectl and client-go
 * wait for the headers before they read on. The lines are already encoded, shared by the resource's watchers: they go
 * straight to the response's stream, not through the emitter's message converters.
 */
final class WatchEmitter extends ResponseBodyEmitter implements WatchSink {

    private final CompletableFuture<OutputStream> body = new CompletableFuture<>();
    private final long timeoutMillis;

    /** @param timeoutMillis after this the servlet container ends the request, whatever the watch's thread is doing */
    WatchEmitter(long timeoutMillis) {
        super(timeoutMillis);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void extendResponse(ServerHttpResponse response) {
        try {
            // Opening the body first: a response flushes its buffer, headers included, only once the body is in use.
            OutputStream stream = response.getBody();
            response.flush();
            body.complete(stream);
        } catch (IOException clientGone) {
            body.completeExceptionally(clientGone);
        }
    }

    @Override
    public void complete() {
        try {
            super.complete();
        } catch (IllegalStateException ended) {
            // The container ended the request first: the client went away, or the request timed out.
        }
    }

    @Override
    public void send(List<byte[]> parts) throws IOException {
        // One flush for the lot: the parts of an event, or a batch of events. The stream is Spring's guard of the
        // servlet response, which fails a write once the container has ended the request.
        OutputStream stream = body();
        for (byte[] part : parts) {
            stream.write(part);
        }
        stream.flush();
    }

    // The watch's thread starts before the controller returns: its first lines wait for the response to open.
    private OutputStream body() throws IOException {
        try {
            return body.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the response did not open", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the response did not open in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the response to open", e);
        }
    }
}
