package io.kubeeventbridge.query;

import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.selector.Requirement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Runs a list against one cache: narrows the candidates through an index (a label the selector requires, else the
 * namespace), filters them, and returns one page in the order of {@link ObjectKey}.
 */
final class CacheLister {

    private CacheLister() {}

    /**
     * @param namespace the namespace to list, or {@code null} for all
     * @return the page, and the token of the next page when more objects match
     */
    static Page list(ResourceCache cache, String namespace, ListOptions options) {
        Predicate<CachedObject> matches = object -> options.labels().matches(object.labels())
                && (options.fields().isEmpty() || options.fields().matches(new FieldValues(object)))
                && (options.after() == null || ObjectKey.of(object).compareTo(options.after()) > 0);
        Collection<CachedObject> candidates = candidates(cache, namespace, options);
        if (options.limit() == 0) {
            List<CachedObject> all = new ArrayList<>();
            candidates.stream().filter(matches).forEach(all::add);
            all.sort(ObjectKey.ORDER);
            return new Page(all, null, 0);
        }
        // Keep only the first `limit` objects of the order: O(n log limit) rather than sorting every match.
        PriorityQueue<CachedObject> first = new PriorityQueue<>(ObjectKey.ORDER.reversed());
        int matched = 0;
        for (CachedObject object : candidates) {
            if (matches.test(object)) {
                matched++;
                first.add(object);
                if (first.size() > options.limit()) {
                    first.poll();
                }
            }
        }
        List<CachedObject> page = new ArrayList<>(first);
        page.sort(ObjectKey.ORDER);
        int remaining = matched - page.size();
        String next = remaining > 0 ? ContinueToken.after(ObjectKey.of(page.get(page.size() - 1))) : null;
        return new Page(page, next, remaining);
    }

    private static Collection<CachedObject> candidates(ResourceCache cache, String namespace, ListOptions options) {
        return indexedLabel(options)
                .<Collection<CachedObject>>map(required -> required.values().stream()
                        .flatMap(value -> cache.listWithLabel(namespace, required.key(), value).stream())
                        .toList())
                .orElseGet(() -> cache.list(namespace));
    }

    /** A requirement that names the label values an object must have, so the label index can answer it. */
    private static Optional<Requirement> indexedLabel(ListOptions options) {
        return options.labels().requirements().stream()
                .filter(requirement -> requirement.operator() == Requirement.Operator.EQUALS
                        || requirement.operator() == Requirement.Operator.IN)
                .min((a, b) -> Integer.compare(a.values().size(), b.values().size()));
    }

    /**
     * @param items the objects of this page, in order
     * @param continueToken the token of the next page, or {@code null} on the last page
     * @param remaining how many more objects match after this page
     */
    record Page(List<CachedObject> items, String continueToken, int remaining) {}
}
