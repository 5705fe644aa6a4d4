package io.kubeeventbridge.query;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The HTTP response of a watch: Spring MVC's emitter, written from the watch's own thread, chunked. The status and
 * headers are flushed as soon as the controller returns, as the API server does, so a client sees its watch open
 * before any event: kubectl and client-go wait for the headers before they read on.
 */
final class WatchEmitter extends ResponseBodyEmitter implements WatchSink {

    /** @param timeout after this the servlet container ends the request, whatever the watch's thread is doing */
    WatchEmitter(long timeoutMillis) {
        super(timeoutMillis);
    }

    @Override
    protected void extendResponse(ServerHttpResponse response) {
        try {
            // Opening the body first: a response flushes its buffer, headers included, only once the body is in use.
            response.getBody();
            response.flush();
        } catch (IOException clientGone) {
            // The watch's first write fails too, and ends it.
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
        // One flush for the lot: the parts of an event, or a batch of events.
        Set<DataWithMediaType> items = new LinkedHashSet<>();
        for (byte[] part : parts) {
            items.add(new DataWithMediaType(part, MediaType.APPLICATION_JSON));
        }
        try {
            send(items);
        } catch (IllegalStateException ended) {
            // The container ended the request (its timeout, the client gone) before the watch noticed.
            throw new IOException("the response has ended", ended);
        }
    }
}
