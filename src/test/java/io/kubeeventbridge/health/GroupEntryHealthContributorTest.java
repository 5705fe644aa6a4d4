package io.kubeeventbridge.health;

import static io.kubeeventbridge.health.WatchedEntryHealthIndicatorTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerStatus;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.informer.WatchedGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors.Entry;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

class GroupEntryHealthContributorTest {

    private static final String PROPERTY = "bridge.resources[3]";
    private static final String TRACKING = "watching customresourcedefinitions";
    private static final ResourceType WIDGETS = new ResourceType("example.com", "v1", "widgets", "Widget", true);
    private static final ResourceType GADGETS = new ResourceType("example.com", "v1", "gadgets", "Gadget", true);
    private static final WatchedGroup WATCHED = new WatchedGroup(
            PROPERTY,
            TestProperties.entry("api-version=example.com/*"),
            State.WATCHED,
            "v1",
            List.of(WIDGETS, GADGETS),
            Map.of("widgets/status", "a subresource"),
            null);

    private final List<WatchedGroup> groups = new ArrayList<>();
    private final List<InformerStatus> statuses = new ArrayList<>();
    private final GroupEntryHealthContributor contributor =
            new GroupEntryHealthContributor(PROPERTY, () -> groups, () -> TRACKING, () -> statuses);

    @Test
    void beforeStartupOnlyDiscoveryIsAMemberAndItIsStarting() {
        assertThat(contributor.stream()).extracting(Entry::name).containsExactly("discovery");
        assertThat(health("discovery").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void eachWatchedResourceIsAMemberWithTheHealthOfItsInformers() {
        groups.add(WATCHED);
        statuses.add(status(WIDGETS, null, true, true, false, 4, null));
        statuses.add(status(GADGETS, null, false, true, false, 0, null));

        assertThat(contributor.stream())
                .extracting(Entry::name)
                .containsExactly("discovery", "example.com/v1/gadgets", "example.com/v1/widgets");
        assertThat(health("example.com/v1/widgets").getStatus()).isEqualTo(Status.UP);
        assertThat(health("example.com/v1/widgets").getDetails())
                .containsEntry("resource", "example.com/v1/widgets")
                .containsEntry("objects", 4);
        assertThat(health("example.com/v1/gadgets").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void discoveryNamesTheVersionTheResourcesWhatIsSkippedAndHowCrdsAreTracked() {
        groups.add(WATCHED);

        Health discovery = health("discovery");

        assertThat(discovery.getStatus()).isEqualTo(Status.UP);
        assertThat(discovery.getDetails())
                .containsExactly(
                        Map.entry("resource", "example.com/*"),
                        Map.entry("state", "watched"),
                        Map.entry("tracking", TRACKING),
                        Map.entry("version", "v1"),
                        Map.entry("resources", List.of("example.com/v1/gadgets", "example.com/v1/widgets")),
                        Map.entry("skipped", Map.of("widgets/status", "a subresource")));
    }

    @Test
    void aResourceNoLongerServedIsNoLongerAMember() {
        groups.add(WATCHED);
        assertThat(contributor.getContributor("example.com/v1/gadgets")).isNotNull();

        groups.set(
                0, new WatchedGroup(PROPERTY, WATCHED.entry(), State.WATCHED, "v1", List.of(WIDGETS), Map.of(), null));

        assertThat(contributor.stream()).extracting(Entry::name).containsExactly("discovery", "example.com/v1/widgets");
        assertThat(contributor.getContributor("example.com/v1/gadgets")).isNull();
    }

    @Test
    void aGroupNotServedIsUnknownSoItDoesNotHoldReadinessDown() {
        groups.add(new WatchedGroup(
                PROPERTY, WATCHED.entry(), State.MISSING, null, List.of(), Map.of(), "not served by the API server"));

        assertThat(contributor.stream()).extracting(Entry::name).containsExactly("discovery");
        assertThat(health("discovery").getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health("discovery").getDetails()).containsEntry("problem", "not served by the API server");
    }

    private Health health(String member) {
        return ((HealthIndicator) contributor.getContributor(member)).health();
    }
}
