package io.kubeeventbridge.informer;

/**
 * One change of a watched resource, as a {@link ChangeFeed} fans it out: the object's state after the change and the
 * state it replaced, so that a watcher can tell an object that starts or stops matching its selectors.
 *
 * @param object the state after the change; for a delete, the last known state
 * @param previous the state before, or {@code null} when the object is new to the cache
 * @param deleted whether the object is gone
 */
public record Change(CachedObject object, CachedObject previous, boolean deleted) {

    /** The resourceVersion of this change: a watch resumed from it gets every later change. */
    public String resourceVersion() {
        return object.resourceVersion();
    }
}
