package io.kubeeventbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.FixedResourceCache;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.leadership.LeadershipStatus.Role;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.predicate.ChangePredicate;
import io.kubeeventbridge.publish.Checkpoint;
import io.kubeeventbridge.publish.Checkpoints;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.OutgoingEvent;
import io.kubeeventbridge.publish.Publishing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishingTermsTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private final List<OutgoingEvent> published = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final LeadershipStatus leadership = new LeadershipStatus("me", Clock.systemUTC());
    private final PublishingTerms terms = new PublishingTerms(new RecordingPublishing(), leadership, Duration.ZERO);

    @Test
    void aTermBeginsWithThePublisherThenReconcilesEveryHandlerAndEndsWithThePublisher() {
        ChangeHandler handler = terms.register(handler(new FixedResourceCache(PODS)));
        leadership.role(Role.LEADER);

        terms.startLeading();
        handler.onFirstList(null);
        terms.stopLeading();

        assertThat(calls).containsExactly("begin", "end");
        assertThat(published)
                .extracting(event -> event.operation() + " " + event.key())
                .containsExactly("DELETED shop/gone");
    }

    @Test
    void aHandlerRegisteredAgainForItsTypeReplacesTheOneBeforeWhoseListsNoLongerHold() {
        ChangeHandler before = terms.register(handler(new FixedResourceCache(PODS)));
        before.onFirstList(null);
        terms.register(handler(new FixedResourceCache(PODS)));
        leadership.role(Role.LEADER);

        terms.startLeading();

        // The replaced handler's completed list would have reported every checkpointed object as vanished.
        assertThat(published).isEmpty();
    }

    private ChangeHandler handler(FixedResourceCache cache) {
        return new ChangeHandler(
                PODS,
                "k8s.core.pod",
                () -> cache.list(null),
                ChangePredicate.EVERYTHING,
                new EventNormaliser("test"),
                new EventPublisher() {
                    @Override
                    public void publish(OutgoingEvent event) {
                        published.add(event);
                    }

                    @Override
                    public void recordUnpublished(OutgoingEvent event) {
                        published.add(event);
                    }
                },
                new EventMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
    }

    private final class RecordingPublishing implements Publishing {

        @Override
        public Checkpoints begin(Runnable fenced) {
            calls.add("begin");
            return (topic, type) -> Map.of("shop/gone", new Checkpoint("uid-gone", "3"));
        }

        @Override
        public void end() {
            calls.add("end");
        }

        @Override
        public void finish() {
            calls.add("finish");
        }
    }
}
