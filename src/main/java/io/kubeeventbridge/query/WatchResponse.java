package io.kubeeventbridge.query;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP response of one watch, written with servlet non-blocking I/O, so that a few writer threads serve every
 * watch and a client that stops reading holds none of them. The status and headers go out before any event, as the
 * API server sends them: kubectl and client-go wait for them before they read on.
 *
 * <p>Writing is a drain: write the watcher's next line while there is one; once none is left, flush. Before each write
 * and each flush, the stream must say it {@link ServletOutputStream#isReady() is ready}; the container's readiness
 * check is the largest part of a line's cost outside the socket, so it is asked no more often than that. Exactly one
 * thread drains at a time (a lock), whether a writer woken by the watcher or the container calling
 * {@link #onWritePossible()} once a full socket has drained; and nothing is written once the stream said it is not
 * ready until the container calls back, nor once the request has ended. Two threads writing one response at once break
 * its chunked framing.
 */
final class WatchResponse implements WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(WatchResponse.class);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Watcher watcher;
    private final Executor writers;
    private final Runnable whenEnded;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    // Guarded by writing. Writable once the container has called back: until then the request's thread may still be
    // on its way out of the servlet.
    private boolean writable;
    private boolean closed;
    private boolean unflushed;
    // Taken from the watcher when the stream was not ready for it: the first to write once it is.
    private byte[] held;

    private WatchResponse(
            AsyncContext async, ServletOutputStream out, Watcher watcher, Executor writers, Runnable whenEnded) {
        this.async = async;
        this.out = out;
        this.watcher = watcher;
        this.writers = writers;
        this.whenEnded = whenEnded;
    }

    /**
     * Sends the status and headers, then streams {@code watcher} from the container's first call back on.
     *
     * @param writers where a woken watch drains
     * @param contentType of the events
     * @param timeoutMillis after this the container ends the request, whatever the watch is doing
     * @param whenEnded run once when the request has ended, however it ended
     * @return the watch's response, which the watcher wakes when it has lines to write
     * @throws IOException when the client has gone before the headers went out
     */
    static WatchResponse start(
            HttpServletRequest request,
            HttpServletResponse response,
            Watcher watcher,
            Executor writers,
            String contentType,
            long timeoutMillis,
            Runnable whenEnded)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.flushBuffer();
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeoutMillis);
        WatchResponse watch = new WatchResponse(async, containerStream(response), watcher, writers, whenEnded);
        async.addListener(watch);
        // The container calls onWritePossible() once this request's thread has returned: writing starts there.
        watch.out.setWriteListener(watch);
        return watch;
    }

    /** There is something new to write: drain on a writer thread, once for however many wake-ups come meanwhile. */
    void wake() {
        if (drainScheduled.compareAndSet(false, true)) {
            writers.execute(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    @Override
    public void onWritePossible() {
        writing.lock();
        try {
            writable = true;
        } finally {
            writing.unlock();
        }
        drain();
    }

    @Override
    public void onError(Throwable error) {
        abandon();
    }

    @Override
    public void onError(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
        watcher.end(Watcher.End.STOPPED);
        if (ended.compareAndSet(false, true)) {
            whenEnded.run();
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Started once, by start().
    }

    private void drain() {
        boolean finished = false;
        writing.lock();
        try {
            if (!writable || closed) {
                return;
            }
            finished = writeWhileReady();
            closed = finished;
        } catch (IOException | IllegalStateException clientGone) {
            finished = stopWriting();
        } catch (RuntimeException e) {
            log.error("Could not write a watch of {}; ending it", watcher.resource(), e);
            finished = stopWriting();
        } finally {
            writing.unlock();
        }
        if (finished) {
            complete();
        }
    }

    /**
     * Writes and flushes what the watcher has until it has nothing more, or the stream is not ready (the container then
     * calls back). Under the writing lock.
     *
     * @return whether the watch has ended and all of it is out of the container's hands
     */
    private boolean writeWhileReady() throws IOException {
        while (true) {
            byte[] line = held != null ? held : watcher.next();
            held = null;
            if (line == null && !unflushed) {
                // A flush that left bytes in the container has it write them once it can, without a call back, so an
                // open watch need not ask; one that has ended must, so as not to end the response under them.
                return watcher.finished() && out.isReady();
            }
            if (!out.isReady()) {
                held = line;
                return false;
            }
            if (line != null) {
                out.write(line);
                unflushed = true;
            } else {
                // Once for everything written meanwhile. Not blocking here: what the socket cannot take yet the
                // container keeps and writes once it can, and the stream is not ready until then.
                out.flush();
                unflushed = false;
            }
        }
    }

    // The container's own stream. The wrappers of Spring MVC (a lock and a state check per call) and Spring Security
    // (which saves the security context once the response commits; it has, with the headers) add nothing to a watch,
    // which guards its stream itself, but cost on every line's write, flush and readiness check.
    private static ServletOutputStream containerStream(ServletResponse response) throws IOException {
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper) {
            inner = wrapper.getResponse();
        }
        return inner.getOutputStream();
    }

    // Under the writing lock.
    private boolean stopWriting() {
        closed = true;
        watcher.end(Watcher.End.STOPPED);
        return true;
    }

    /** The client went away, or the container ended the request: write nothing more, and end it. */
    private void abandon() {
        close();
        watcher.end(Watcher.End.STOPPED);
        complete();
    }

    private void close() {
        writing.lock();
        try {
            closed = true;
        } finally {
            writing.unlock();
        }
    }

    // Outside the writing lock: completing may call back into this watch's listeners.
    private void complete() {
        if (completed.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (IllegalStateException alreadyEnded) {
                // The container ended the request first.
            }
        }
    }
}
