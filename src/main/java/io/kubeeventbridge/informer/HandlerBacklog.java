package io.kubeeventbridge.informer;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Keeps an informer's thread from running far ahead of its handler. fabric8 queues every notification, with the
 * decoded object it carries, until the handler takes it, and reads the next page of a list while the store takes the
 * last one ({@link PrefetchingLister}): on a machine where pages decode faster than the handler turns them into
 * events, a list of many pages would otherwise hold most of its objects decoded at once. So the informer thread waits
 * while more than {@link #MAX_DECODED} states await the handler.
 *
 * <p>That thread is one of the client's pool, for watched states too (fabric8 reads each watch's events there, one
 * after the other), and while it waits the informer reads nothing more, so a wait is short: once the handler has made
 * no progress for a while ({@link #MAX_WAIT} in the store; a publishing term reading checkpoints holds it), the
 * informer thread stops waiting until the handler takes a state again, and the backlog grows meanwhile.
 */
final class HandlerBacklog {

    // Two pages of the default bridge.informer.list-page-size; states wait partly decoded (PartlyDecodedList, and
    // watch events likewise), at about a third of the heap of decoded ones.
    static final int MAX_DECODED = 2_000;
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final IntSupplier awaitingHandler;
    private final long maxWaitNanos;
    private final Object progress = new Object();
    private volatile boolean informerWaiting;
    private volatile boolean handlerStalled;

    /**
     * @param awaitingHandler how many states await the handler now
     * @param maxWait how long the handler may make no progress before the informer thread stops waiting for it
     */
    HandlerBacklog(IntSupplier awaitingHandler, Duration maxWait) {
        this.awaitingHandler = awaitingHandler;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** On the informer thread, after it stored a state: waits, bounded, until the handler is close enough. */
    void awaitHandler() {
        if (handlerStalled || awaitingHandler.getAsInt() <= MAX_DECODED) {
            return;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        synchronized (progress) {
            informerWaiting = true;
            try {
                while (awaitingHandler.getAsInt() > MAX_DECODED) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        handlerStalled = true;
                        return;
                    }
                    progress.wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                informerWaiting = false;
            }
        }
    }

    /** On the handler thread, after it took a state. */
    void handlerTookOne() {
        handlerStalled = false;
        if (informerWaiting && awaitingHandler.getAsInt() <= MAX_DECODED) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }
}
