package io.kubeeventbridge.query;

import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.Change;

/**
 * Which changes a watch sends, and as what, as the API server's watch cache decides: an object in the watch's
 * namespace that matches its selectors after a change and did before is {@code MODIFIED}; one that starts matching
 * (or is new) is {@code ADDED}; one that stops matching is {@code DELETED}, with its current state; a deleted one is
 * {@code DELETED} if it matched.
 */
final class WatchFilter {

    static final String ADDED = "ADDED";
    static final String MODIFIED = "MODIFIED";
    static final String DELETED = "DELETED";

    private final String namespace;
    private final ListOptions selectors;

    /** @param namespace the watch's namespace, or {@code null} for all */
    WatchFilter(String namespace, ListOptions selectors) {
        this.namespace = namespace;
        this.selectors = selectors;
    }

    /** The event type this watch sends for {@code change}, or {@code null} when it sends nothing. */
    String typeOf(Change change) {
        CachedObject object = change.object();
        if (namespace != null && !namespace.equals(object.namespace())) {
            return null;
        }
        boolean matchedBefore = change.previous() != null && matches(change.previous());
        if (change.deleted()) {
            return matchedBefore || (change.previous() == null && matches(object)) ? DELETED : null;
        }
        if (matches(object)) {
            return matchedBefore ? MODIFIED : ADDED;
        }
        return matchedBefore ? DELETED : null;
    }

    private boolean matches(CachedObject object) {
        return selectors.labels().matches(object.labels())
                && (selectors.fields().isEmpty() || selectors.fields().matches(new FieldValues(object)));
    }
}
