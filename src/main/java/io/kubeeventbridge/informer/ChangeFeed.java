package io.kubeeventbridge.informer;

/**
 * The changes of one watched resource, in the order its informers delivered them, for the watches of the query
 * API: the current state of every object, a bounded window of recent changes to resume from, and subscriptions that
 * get every later change.
 */
public interface ChangeFeed {

    /**
     * The resourceVersion of the newest change recorded, or of the informers' first list before any: what a list of
     * the cache reports. A list read after this call holds at least every change up to it, and a watch from it gets
     * every later one. Empty before the first list.
     */
    String resourceVersion();

    /**
     * Subscribes to every change after a point, atomically with what precedes it: either the current state, or the
     * changes since a resourceVersion. The subscriber gets changes from the moment it is subscribed, possibly before
     * this method returns; the caller handles the {@link Subscription#backlog()} first.
     *
     * @param resourceVersion where to start: {@code null} for the current state of every object (as additions), else
     *     the changes after it
     * @throws ResourceVersionExpiredException when the changes after {@code resourceVersion} are no longer held
     */
    Subscription subscribe(String resourceVersion, ChangeSubscriber subscriber);
}
