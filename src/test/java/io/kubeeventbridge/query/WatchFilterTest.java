package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.Change;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchFilterTest {

    @ParameterizedTest(name = "{0} -> {1} ({2} from {3})")
    @CsvSource(
            nullValues = "none",
            value = {
                // change,  labels before, labels after, expected
                "created,   none,      web,   ADDED",
                "created,   none,      api,   none",
                "modified,  web,       web,   MODIFIED",
                "modified,  api,       web,   ADDED",
                "modified,  web,       api,   DELETED",
                "modified,  api,       api,   none",
                "deleted,   web,       web,   DELETED",
                "deleted,   api,       api,   none",
                "deleted,   none,      web,   DELETED",
            })
    void anObjectThatStartsOrStopsMatchingIsAddedOrDeleted(
            String change, String before, String after, String expected) {
        WatchFilter filter = new WatchFilter(null, selectors("app=web"));
        CachedObject previous = before == null ? null : pod("shop", before, "Running");
        assertThat(filter.typeOf(new Change(pod("shop", after, "Running"), previous, change.equals("deleted"))))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {"Running, Running, MODIFIED", "Pending, Running, ADDED", "Running, Failed, DELETED"})
    void fieldSelectorsDecideAsLabelSelectorsDo(String before, String after, String expected) {
        WatchFilter filter = new WatchFilter(null, selectors("", "status.phase=Running"));
        assertThat(filter.typeOf(new Change(pod("shop", "web", after), pod("shop", "web", before), false)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {"shop, MODIFIED", "payments, none"})
    void aNamespacedWatchSeesOnlyItsNamespace(String namespace, String expected) {
        WatchFilter filter = new WatchFilter("shop", selectors(""));
        assertThat(filter.typeOf(new Change(pod(namespace, "web", "Running"), pod(namespace, "web", "Running"), false)))
                .isEqualTo(expected);
    }

    private static ListOptions selectors(String labels) {
        return selectors(labels, "");
    }

    private static ListOptions selectors(String labels, String fields) {
        return ListOptions.parse(Map.of("labelSelector", labels, "fieldSelector", fields));
    }

    private static CachedObject pod(String namespace, String app, String phase) {
        GenericKubernetesResource pod = QueryApiFixture.pod(namespace, "pod-1", Map.of("app", app), phase, "node-1");
        FixedResourceCache cache = new FixedResourceCache(QueryApiFixture.PODS).put(pod);
        return cache.get(namespace, "pod-1").orElseThrow();
    }
}
