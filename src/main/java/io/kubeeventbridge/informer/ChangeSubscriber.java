package io.kubeeventbridge.informer;

/**
 * Receives the changes of a {@link ChangeFeed} after it subscribed, in order, on the feed's fan-out thread, which
 * serves every subscriber of the feed: implementations must not block.
 */
public interface ChangeSubscriber {

    /**
     * Takes one change, or refuses it because it cannot keep up; a refusal ends the subscription, and no further
     * change is offered.
     *
     * @return false to refuse
     */
    boolean offer(Change change);

    /**
     * No further change will be offered: the feed stopped (its informers stopped) or the subscriber fell so far
     * behind that the changes it has not received yet are no longer held.
     */
    void ended();
}
