package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What a watch request gets before any stream starts: the refusals, and the declined WebSocket upgrade. */
class WatchApiTest {

    private final MockMvcTester mvc = new QueryApiFixture().mvc;

    @Test
    void aWebSocketUpgradeIsDeclinedWithAnEmptyOkSoTheClientWatchesOverHttp() {
        assertThat(mvc.get()
                        .uri("/k8s/api/v1/namespaces/shop/pods?watch=true")
                        .header(HttpHeaders.CONNECTION, "Upgrade")
                        .header(HttpHeaders.UPGRADE, "websocket"))
                .hasStatusOk()
                .body()
                .isEmpty();
    }

    @Test
    void aWatchFromAVersionNoLongerHeldIsGoneAsExpired() {
        assertThat(mvc.get().uri("/k8s/api/v1/pods?watch=1&resourceVersion=not-a-version"))
                .hasStatus(HttpStatus.GONE)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Status");
                    assertThat(json).extractingPath("$.reason").isEqualTo("Expired");
                    assertThat(json).extractingPath("$.code").isEqualTo(410);
                });
    }

    @Test
    void badWatchParametersAndSelectorsAreBadRequests() {
        assertThat(mvc.get().uri("/k8s/api/v1/pods?watch=1&resourceVersionMatch=NotOlderThan"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/k8s/api/v1/pods?watch=1&labelSelector=app in (web"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aWatchOfAnUnwatchedResourceIsNotFound() {
        assertThat(mvc.get().uri("/k8s/apis/batch/v1/jobs?watch=1")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFalseWatchParameterIsAPlainList() {
        assertThat(mvc.get().uri("/k8s/api/v1/pods?watch=false"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("PodList");
    }
}
