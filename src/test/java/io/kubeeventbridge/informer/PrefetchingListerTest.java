package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The list source is a fake that answers each request with a future the test completes, as the API server's answer
 * arriving; fabric8's side is the test asking for pages as the Reflector does, with the options it builds.
 */
class PrefetchingListerTest {

    private static final long LIMIT = 2;

    private final FakeListSource source = new FakeListSource();
    // Where pages are handed over: kept for the test to run, so it sees what is handed over when.
    private final List<Runnable> storing = new ArrayList<>();
    private final PrefetchingLister lister = new PrefetchingLister(source, storing::add);

    @Test
    void aPageWithAContinueTokenHasTheNextPageRequestedBeforeItIsHandedOver() {
        CompletableFuture<GenericKubernetesResourceList> first = lister.submitList(firstPage());

        source.answer(0, page("a"));

        assertThat(source.requested).containsExactly(firstPage(), continued("a"));
        assertThat(first).isNotDone();
        runStoring();
        assertThat(first.join().getMetadata().getContinue()).isEqualTo("a");
    }

    @Test
    void theRequestedPageIsTheAnswerWhenFabric8AsksForItWithTheSameOptions() {
        lister.submitList(firstPage());
        source.answer(0, page("a"));
        runStoring();

        CompletableFuture<GenericKubernetesResourceList> second = lister.submitList(continued("a"));
        source.answer(1, page(null));
        runStoring();

        assertThat(second.join().getMetadata().getContinue()).isNull();
        assertThat(source.requested).containsExactly(firstPage(), continued("a"));
    }

    @Test
    void atMostOnePageIsAheadOfWhatFabric8AskedFor() {
        lister.submitList(firstPage());
        source.answer(0, page("a"));
        // The second page arrives before fabric8 asks for it: the third waits until it does.
        source.answer(1, page("b"));

        assertThat(source.requested).containsExactly(firstPage(), continued("a"));
        lister.submitList(continued("a"));
        assertThat(source.requested).containsExactly(firstPage(), continued("a"), continued("b"));
    }

    @Test
    void aFailedPrefetchedPageFailsWhenFabric8AsksForIt() {
        lister.submitList(firstPage());
        source.answer(0, page("a"));
        runStoring();
        source.fail(1, new KubernetesClientException("Expired", 410, null));

        CompletableFuture<GenericKubernetesResourceList> second = lister.submitList(continued("a"));
        runStoring();

        assertThat(second)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        error -> assertThat(error.getCode()).isEqualTo(410));
    }

    @Test
    void aRequestOtherThanThePrefetchedOneGoesToTheSourceAndDropsThePrefetchedPage() {
        lister.submitList(firstPage());
        source.answer(0, page("a"));
        runStoring();

        // A relist from the start, as after an error.
        lister.submitList(firstPage());
        lister.submitList(continued("a"));

        assertThat(source.requested).containsExactly(firstPage(), continued("a"), firstPage(), continued("a"));
    }

    @Test
    void aSingleRequestListIsPassedThroughWithNothingPrefetched() {
        ListOptions whole = new ListOptionsBuilder().withResourceVersion("0").build();
        CompletableFuture<GenericKubernetesResourceList> list = lister.submitList(whole);
        source.answer(0, page(null));
        runStoring();

        assertThat(list.join().getMetadata().getContinue()).isNull();
        assertThat(source.requested).containsExactly(whole);
    }

    private void runStoring() {
        while (!storing.isEmpty()) {
            storing.remove(0).run();
        }
    }

    // As fabric8's Reflector builds them.
    private static ListOptions firstPage() {
        return new ListOptionsBuilder()
                .withResourceVersion(null)
                .withLimit(LIMIT)
                .build();
    }

    private static ListOptions continued(String token) {
        return new ListOptionsBuilder()
                .withResourceVersion(null)
                .withLimit(LIMIT)
                .withContinue(token)
                .build();
    }

    private static GenericKubernetesResourceList page(String continueToken) {
        GenericKubernetesResourceList list = new GenericKubernetesResourceList();
        list.setMetadata(new ListMetaBuilder()
                .withResourceVersion("7")
                .withContinue(continueToken)
                .build());
        return list;
    }

    /** Answers the n-th request with a future of its own, completed by the test. */
    private static final class FakeListSource
            implements ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList> {

        final List<ListOptions> requested = new ArrayList<>();
        final List<CompletableFuture<GenericKubernetesResourceList>> answers = new ArrayList<>();

        void answer(int request, GenericKubernetesResourceList page) {
            answers.get(request).complete(page);
        }

        void fail(int request, RuntimeException error) {
            answers.get(request).completeExceptionally(new CompletionException(error));
        }

        @Override
        public CompletableFuture<GenericKubernetesResourceList> submitList(ListOptions options) {
            requested.add(options);
            CompletableFuture<GenericKubernetesResourceList> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        @Override
        public CompletableFuture<AbstractWatchManager<GenericKubernetesResource>> submitWatch(
                ListOptions options, Watcher<GenericKubernetesResource> watcher) {
            throw new UnsupportedOperationException("lists only");
        }

        @Override
        public Long getLimit() {
            return LIMIT;
        }

        @Override
        public int getWatchReconnectInterval() {
            return 1000;
        }

        @Override
        public String getApiEndpointPath() {
            return "/api/v1/pods";
        }

        @Override
        public Config getConfig() {
            return Config.empty();
        }
    }
}
