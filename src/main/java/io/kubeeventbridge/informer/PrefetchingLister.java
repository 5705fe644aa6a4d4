package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The lister and watcher of a bridge informer: the operation's own, except that a list page is read while the page
 * before it is stored. fabric8 asks for the next page of a list only once it has stored the last one, on the HTTP
 * client's event loop that read and decoded it; so a sync waited, page after page, for the API server's answer and
 * for the decoding with nothing else to do, and then for the store with nothing to read. Here a page that names a
 * continue token has the next page requested as soon as it arrives, and is handed to fabric8 on {@code storing}, so
 * the event loop is free to read the next page meanwhile.
 *
 * <p>At most one page is ahead: the page after a page is requested only once fabric8 has asked for that page, and it
 * has arrived. fabric8 gets exactly the answers it asked for: the prefetched page only when it asks for that page with
 * the same options, its failure (such as 410 Expired of the continue token) included; any other request (a relist, a
 * retry) goes to the API server and the prefetched page is dropped. Watches are the operation's.
 */
final class PrefetchingLister implements ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList> {

    private final ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList> operation;
    private final Executor storing;
    // The next page, requested before fabric8 asked for it; guarded by this.
    private Prefetched prefetched;

    private record Prefetched(ListOptions options, CompletableFuture<GenericKubernetesResourceList> page) {}

    /** @param storing where fabric8 is handed each page, to store it and to ask for the next */
    PrefetchingLister(
            ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList> operation, Executor storing) {
        this.operation = operation;
        this.storing = storing;
    }

    @Override
    public CompletableFuture<GenericKubernetesResourceList> submitList(ListOptions options) {
        CompletableFuture<GenericKubernetesResourceList> page = prefetchedOrRequested(options);
        // The next page is requested before this one is handed over: fabric8 cannot ask for it first.
        return page.thenApply(list -> {
                    prefetchAfter(options, list);
                    return list;
                })
                .thenApplyAsync(Function.identity(), storing);
    }

    private synchronized CompletableFuture<GenericKubernetesResourceList> prefetchedOrRequested(ListOptions options) {
        Prefetched ahead = prefetched;
        prefetched = null;
        return ahead != null && ahead.options().equals(options) ? ahead.page() : request(options);
    }

    private void prefetchAfter(ListOptions options, GenericKubernetesResourceList list) {
        String continueToken =
                list.getMetadata() == null ? null : list.getMetadata().getContinue();
        if (continueToken == null || continueToken.isEmpty()) {
            return;
        }
        // As fabric8 asks for a next page: the same options, continued, at no resourceVersion of its own.
        ListOptions next = new ListOptionsBuilder(options)
                .withContinue(continueToken)
                .withResourceVersion(null)
                .build();
        CompletableFuture<GenericKubernetesResourceList> page;
        try {
            page = request(next);
        } catch (RuntimeException e) {
            // Thrown to fabric8 when it asks for that page, as its own request would have.
            page = CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
            prefetched = new Prefetched(next, page);
        }
    }

    // On a copy: fabric8 writes the operation's selectors into the options it is given, and the options of a page
    // read ahead must still equal those fabric8 asks for it with.
    private CompletableFuture<GenericKubernetesResourceList> request(ListOptions options) {
        return operation.submitList(new ListOptionsBuilder(options).build());
    }

    @Override
    public CompletableFuture<AbstractWatchManager<GenericKubernetesResource>> submitWatch(
            ListOptions options, Watcher<GenericKubernetesResource> watcher) {
        return operation.submitWatch(options, watcher);
    }

    @Override
    public Long getLimit() {
        return operation.getLimit();
    }

    @Override
    public int getWatchReconnectInterval() {
        return operation.getWatchReconnectInterval();
    }

    @Override
    public String getApiEndpointPath() {
        return operation.getApiEndpointPath();
    }

    @Override
    public Config getConfig() {
        return operation.getConfig();
    }
}
