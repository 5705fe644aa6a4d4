package io.kubeeventbridge.informer;

import java.util.List;

/** A subscriber's place in a {@link ChangeFeed}. */
public final class Subscription {

    private final List<Change> backlog;
    private final String resourceVersion;
    private final Runnable cancel;

    Subscription(List<Change> backlog, String resourceVersion, Runnable cancel) {
        this.backlog = List.copyOf(backlog);
        this.resourceVersion = resourceVersion;
        this.cancel = cancel;
    }

    /**
     * What precedes the first change offered to the subscriber: the current state of every object (each an addition)
     * or the changes since the requested resourceVersion, oldest first.
     */
    public List<Change> backlog() {
        return backlog;
    }

    /** The resourceVersion the backlog brings a client to: the feed's when it subscribed. */
    public String resourceVersion() {
        return resourceVersion;
    }

    /** Offers the subscriber nothing more. */
    public void cancel() {
        cancel.run();
    }
}
