package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.KafkaEvents.Received;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The group entry of the shared context ({@code dynamic.example.com/*}) while CRDs of its group come and go. Each test
 * installs kinds of its own.
 */
@SharedKafkaBroker
class GroupEntryIT extends BridgeTestBase {

    private static final String GROUP_HEALTH = "$.components.informers.components['bridge.resources[7]'].components";

    @Test
    void theObjectsOfAKindServedAtStartupArriveAsSnapshots() {
        try (KafkaEvents events = new KafkaEvents(bootstrapServers, List.of("k8s." + DYNAMIC_GROUP + ".gizmo"))) {
            Received snapshot = events.awaitRecords(PREEXISTING_NAMESPACE + "/" + PREEXISTING_GIZMO, 1)
                    .get(0);

            assertThat(snapshot.event().getType()).isEqualTo("io.k8s." + DYNAMIC_GROUP + ".gizmo.snapshot");
        }
        assertThat(mvc.get().uri("/actuator/health")).bodyJson().satisfies(json -> {
            assertThat(json)
                    .extractingPath(GROUP_HEALTH + ".discovery.details.tracking")
                    .isEqualTo("watching customresourcedefinitions");
            assertThat(json)
                    .extractingPath(GROUP_HEALTH + "['" + DYNAMIC_GROUP + "/v1/gizmos'].details.objects")
                    .isEqualTo(1);
        });
    }

    @Test
    void aCrdInstalledWhileTheBridgeRunsIsWatchedAndItsFirstObjectPublished() {
        MockKubernetes.installCrd(DYNAMIC_GROUP, "v1", "Sprocket");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mvc.get().uri("/k8s/apis/{group}/v1/sprockets", DYNAMIC_GROUP))
                        .hasStatusOk());

        MockKubernetes.customObjects(DYNAMIC_GROUP, "v1", "Sprocket")
                .inNamespace("late")
                .resource(MockKubernetes.customObject(DYNAMIC_GROUP, "v1", "Sprocket", "first"))
                .create();

        try (KafkaEvents events = new KafkaEvents(bootstrapServers, List.of("k8s." + DYNAMIC_GROUP + ".sprocket"))) {
            assertThat(events.awaitRecords("late/first", 1).get(0).event().getType())
                    .isEqualTo("io.k8s." + DYNAMIC_GROUP + ".sprocket.created");
        }
        assertThat(mvc.get().uri("/actuator/health"))
                .bodyJson()
                .extractingPath(GROUP_HEALTH + ".discovery.details.resources")
                .asArray()
                .contains(DYNAMIC_GROUP + "/v1/sprockets");
    }

    @Test
    void aCrdRemovedLeavesDiscoveryAndHealthAndNoDeleteIsPublished() {
        MockKubernetes.installCrd(DYNAMIC_GROUP, "v1", "Cog");
        MockKubernetes.customObjects(DYNAMIC_GROUP, "v1", "Cog")
                .inNamespace("removal")
                .resource(MockKubernetes.customObject(DYNAMIC_GROUP, "v1", "Cog", "kept"))
                .create();
        try (KafkaEvents events = new KafkaEvents(bootstrapServers, List.of("k8s." + DYNAMIC_GROUP + ".cog"))) {
            events.awaitRecords("removal/kept", 1);

            MockKubernetes.removeCrd(DYNAMIC_GROUP, "Cog");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(mvc.get().uri("/k8s/apis/{group}/v1", DYNAMIC_GROUP))
                        .bodyJson()
                        .extractingPath("$.resources[*].name")
                        .asArray()
                        .doesNotContain("cogs");
                assertThat(mvc.get().uri("/actuator/health"))
                        .bodyJson()
                        .extractingPath(GROUP_HEALTH)
                        .asMap()
                        .doesNotContainKey(DYNAMIC_GROUP + "/v1/cogs");
            });
            assertThat(mvc.get().uri("/k8s/apis/{group}/v1/cogs", DYNAMIC_GROUP))
                    .hasStatus(HttpStatus.NOT_FOUND);
            // The mock API server keeps the CRD's objects; an API server deletes them first, and the watch says so.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> events.poll("removal/kept"), records -> records.size() == 1);
        }
    }
}
