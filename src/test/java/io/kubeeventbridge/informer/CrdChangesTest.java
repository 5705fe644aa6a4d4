package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrdChangesTest {

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final String group = "c" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    private final CrdChanges crds = new CrdChanges(MockKubernetes.client());

    @AfterEach
    void stop() {
        crds.stop();
    }

    @Test
    void aGroupHasChangedOnceOneOfItsCrdsIsInstalledAndOnlyThatGroup() {
        crds.start();
        await().atMost(Duration.ofSeconds(30)).until(crds::watching);
        assertThat(crds.changedRecently(group)).isFalse();

        MockKubernetes.installCrd(group, "v1", "Kite");

        await().atMost(Duration.ofSeconds(30)).until(() -> crds.changedRecently(group));
        assertThat(crds.changedRecently("other." + group)).isFalse();
        assertThat(crds.describe()).isEqualTo("watching customresourcedefinitions");
    }

    @Test
    void withoutPermissionToListCrdsNothingIsWatchedAndHealthSaysWhy() {
        MockKubernetes.gates().forbid(CRDS, "list");
        try {
            crds.start();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(crds.describe())
                            .isEqualTo("polling discovery (cannot list "
                                    + "apiextensions.k8s.io/v1/customresourcedefinitions)"));
            assertThat(crds.watching()).isFalse();
        } finally {
            MockKubernetes.gates().permit(CRDS);
        }
    }
}
