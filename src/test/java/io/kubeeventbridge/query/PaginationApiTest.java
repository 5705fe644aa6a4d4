package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PaginationApiTest {

    private final QueryApiFixture fixture = new QueryApiFixture();

    @Test
    void pagesWalkTheWholeListInOrderWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        JsonNode first = page("/k8s/api/v1/pods?limit=2");
        assertThat(first.at("/metadata/remainingItemCount").asInt()).isEqualTo(3);
        JsonNode page = first;
        int pages = 1;
        names(page, seen);
        while (page.at("/metadata/continue").isString()) {
            page = page("/k8s/api/v1/pods?limit=2&continue="
                    + page.at("/metadata/continue").asString());
            names(page, seen);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("batch-1", "pay-1", "api-1", "web-1", "web-2");
        assertThat(page.at("/metadata/continue").isMissingNode()).isTrue();
    }

    @Test
    void listChangingBetweenPagesNeitherRepeatsNorSkipsObjectsPresentThroughout() {
        JsonNode first = page("/k8s/api/v1/pods?limit=2");
        List<String> seen = new ArrayList<>();
        names(first, seen);
        // Between pages: an object sorting before the cursor appears, one after it appears, one already seen and
        // one not yet seen disappear.
        fixture.pods.put(QueryApiFixture.pod("alpha", "new-early", Map.of(), "Running", "node-1"));
        fixture.pods.put(QueryApiFixture.pod("shop", "new-late", Map.of(), "Running", "node-1"));
        fixture.pods.remove(QueryApiFixture.pod("payments", "batch-1", Map.of(), "Failed", "node-3"));
        fixture.pods.remove(QueryApiFixture.pod("shop", "web-1", Map.of(), "Running", "node-1"));
        JsonNode rest = page(
                "/k8s/api/v1/pods?continue=" + first.at("/metadata/continue").asString());
        names(rest, seen);
        assertThat(seen).containsExactly("batch-1", "pay-1", "api-1", "new-late", "web-2");
        assertThat(rest.at("/metadata/resourceVersion").asString())
                .isNotEqualTo(first.at("/metadata/resourceVersion").asString());
    }

    @Test
    void paginationComposesWithSelectorsAndNamespaces() {
        JsonNode first = page("/k8s/api/v1/namespaces/shop/pods?labelSelector=app=web&limit=1");
        assertThat(first.at("/items/0/metadata/name").asString()).isEqualTo("web-1");
        JsonNode second = page("/k8s/api/v1/namespaces/shop/pods?labelSelector=app=web&limit=1&continue="
                + first.at("/metadata/continue").asString());
        assertThat(second.at("/items/0/metadata/name").asString()).isEqualTo("web-2");
        assertThat(second.at("/metadata/continue").isMissingNode()).isTrue();
    }

    @Test
    void limitZeroAndLimitAboveTheCountReturnEverythingWithoutContinue() {
        assertThat(page("/k8s/api/v1/pods?limit=0").at("/items").size()).isEqualTo(5);
        JsonNode all = page("/k8s/api/v1/pods?limit=5");
        assertThat(all.at("/items").size()).isEqualTo(5);
        assertThat(all.at("/metadata/continue").isMissingNode()).isTrue();
    }

    @Test
    void tokenPointingPastTheEndGivesAnEmptyLastPage() {
        String pastEverything = ContinueToken.after(new ObjectKey("zzz", "zzz"));
        JsonNode page = page("/k8s/api/v1/pods?limit=2&continue=" + pastEverything);
        assertThat(page.at("/items").size()).isZero();
        assertThat(page.at("/metadata/continue").isMissingNode()).isTrue();
    }

    @Test
    void tokensRoundTripAndRejectForeignText() {
        ObjectKey key = new ObjectKey("shop", "web-1");
        assertThat(ContinueToken.parse(ContinueToken.after(key))).isEqualTo(key);
        assertThat(ContinueToken.parse(ContinueToken.after(new ObjectKey(null, "admin"))))
                .isEqualTo(new ObjectKey("", "admin"));
        for (String foreign :
                List.of("!!!", "", "eyJydiI6MX0", ContinueToken.after(key).substring(2))) {
            org.assertj.core.api.Assertions.assertThatExceptionOfType(StatusException.class)
                    .isThrownBy(() -> ContinueToken.parse(foreign));
        }
    }

    private JsonNode page(String uri) {
        MvcTestResult result = fixture.mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        return JsonMapper.shared().readTree(result.getResponse().getContentAsByteArray());
    }

    private static void names(JsonNode page, List<String> into) {
        page.at("/items").forEach(item -> into.add(item.at("/metadata/name").asString()));
    }
}
