package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResourceChangeFeedTest {

    private final List<Runnable> fanoutTasks = new ArrayList<>();
    private final AtomicLong nanoTime = new AtomicLong();
    private final ResourceChangeFeed feed =
            new ResourceChangeFeed(new WatchWindow(3, Duration.ofMinutes(5)), fanoutTasks::add, nanoTime::get);

    @Test
    void aSubscriptionToTheCurrentStateGetsEveryObjectThenLaterChanges() {
        feed.record(Operation.SNAPSHOT, pod("a", "1"));
        feed.record(Operation.SNAPSHOT, pod("b", "2"));
        feed.listed("5");
        feed.record(Operation.UPDATED, pod("a", "6"));
        Recording subscriber = new Recording();

        Subscription subscription = feed.subscribe(null, subscriber);
        feed.record(Operation.CREATED, pod("c", "7"));
        fanOut();

        assertThat(describe(subscription.backlog())).containsExactlyInAnyOrder("added a@6", "added b@2");
        assertThat(subscription.resourceVersion()).isEqualTo("6");
        assertThat(describe(subscriber.offered)).containsExactly("added c@7");
    }

    @Test
    void aSubscriptionFromAVersionGetsTheChangesAfterItWithTheStateTheyReplaced() {
        feed.record(Operation.SNAPSHOT, pod("a", "1"));
        feed.listed("5");
        feed.record(Operation.UPDATED, pod("a", "6"));
        feed.record(Operation.UPDATED, pod("a", "7"));
        feed.record(Operation.DELETED, pod("a", "8"));

        List<Change> backlog = feed.subscribe("6", new Recording()).backlog();

        assertThat(describe(backlog)).containsExactly("modified a@7", "deleted a@8");
        assertThat(backlog.get(0).previous().resourceVersion()).isEqualTo("6");
        assertThat(backlog.get(1).previous().resourceVersion()).isEqualTo("7");
    }

    @Test
    void theListedVersionAndTheNewestChangeAreWhereListsAndWatchesMeet() {
        feed.record(Operation.SNAPSHOT, pod("a", "1"));
        feed.listed("5");
        assertThat(feed.resourceVersion()).isEqualTo("5");
        assertThat(feed.subscribe("5", new Recording()).backlog()).isEmpty();

        feed.record(Operation.CREATED, pod("b", "6"));

        assertThat(feed.resourceVersion()).isEqualTo("6");
        assertThat(describe(feed.subscribe("5", new Recording()).backlog())).containsExactly("added b@6");
        assertThat(feed.subscribe("6", new Recording()).backlog()).isEmpty();
    }

    @Test
    void aDeleteCarryingAnOlderVersionLeavesTheNewestAsTheListsAndIsStillWatched() {
        feed.listed("5");
        feed.record(Operation.CREATED, pod("a", "6"));
        feed.record(Operation.CREATED, pod("b", "7"));
        Recording watcher = new Recording();
        feed.subscribe("6", watcher);

        feed.record(Operation.DELETED, pod("a", "6"));
        fanOut();

        assertThat(feed.resourceVersion()).isEqualTo("7");
        assertThat(describe(watcher.offered)).containsExactly("deleted a@6");
        assertThat(feed.subscribe("7", new Recording()).backlog()).isEmpty();
    }

    @Test
    void aVersionTheBridgeDidNotHandOutIsPlacedByItsNumber() {
        feed.listed("5");
        feed.record(Operation.CREATED, pod("a", "10"));
        feed.record(Operation.CREATED, pod("b", "20"));

        assertThat(describe(feed.subscribe("15", new Recording()).backlog())).containsExactly("added b@20");
        assertThat(feed.subscribe("25", new Recording()).backlog()).isEmpty();
    }

    @Test
    void aVersionOlderThanTheWindowHasExpired() {
        feed.listed("5");
        for (int version = 6; version <= 9; version++) {
            feed.record(Operation.CREATED, pod("p" + version, String.valueOf(version)));
        }

        assertThatThrownBy(() -> feed.subscribe("5", new Recording()))
                .isInstanceOf(ResourceVersionExpiredException.class)
                .hasMessage("too old resource version: 5 (6)");
        assertThatThrownBy(() -> feed.subscribe("4", new Recording()))
                .isInstanceOf(ResourceVersionExpiredException.class);
        assertThatThrownBy(() -> feed.subscribe("not-a-version", new Recording()))
                .isInstanceOf(ResourceVersionExpiredException.class);
        assertThat(describe(feed.subscribe("6", new Recording()).backlog()))
                .containsExactly("added p7@7", "added p8@8", "added p9@9");
    }

    @Test
    void changesOlderThanTheWindowsAgeHaveExpired() {
        feed.listed("5");
        feed.record(Operation.CREATED, pod("a", "6"));
        nanoTime.addAndGet(Duration.ofMinutes(6).toNanos());
        feed.record(Operation.CREATED, pod("b", "7"));

        assertThatThrownBy(() -> feed.subscribe("5", new Recording()))
                .isInstanceOf(ResourceVersionExpiredException.class);
        assertThat(describe(feed.subscribe("6", new Recording()).backlog())).containsExactly("added b@7");
    }

    @Test
    void recordingOnlySignalsTheFanOutWhichOffersOffTheRecordingThread() {
        feed.listed("5");
        Recording subscriber = new Recording();
        feed.subscribe(null, subscriber);

        feed.record(Operation.CREATED, pod("a", "6"));
        feed.record(Operation.CREATED, pod("b", "7"));

        assertThat(subscriber.offered).isEmpty();
        assertThat(fanoutTasks).hasSize(1);
        fanOut();
        assertThat(describe(subscriber.offered)).containsExactly("added a@6", "added b@7");
    }

    @Test
    void aSubscriberThatRefusesAChangeIsDroppedAndTheOthersGoOn() {
        feed.listed("5");
        Recording full = new Recording(1);
        Recording other = new Recording();
        feed.subscribe(null, full);
        feed.subscribe(null, other);

        feed.record(Operation.CREATED, pod("a", "6"));
        feed.record(Operation.CREATED, pod("b", "7"));
        fanOut();
        feed.record(Operation.CREATED, pod("c", "8"));
        fanOut();

        assertThat(describe(full.offered)).containsExactly("added a@6");
        assertThat(full.refused).isOne();
        assertThat(describe(other.offered)).containsExactly("added a@6", "added b@7", "added c@8");
    }

    @Test
    void aSubscriberWhoseNextChangeLeftTheWindowIsEnded() {
        feed.listed("5");
        Recording lagging = new Recording();
        feed.subscribe(null, lagging);

        for (int version = 6; version <= 10; version++) {
            feed.record(Operation.CREATED, pod("p" + version, String.valueOf(version)));
        }
        fanOut();

        assertThat(lagging.offered).isEmpty();
        assertThat(lagging.ended).isTrue();
    }

    @Test
    void closingEndsEverySubscriptionAndAnyLaterOne() {
        Recording before = new Recording();
        feed.subscribe(null, before);

        feed.close();
        Recording after = new Recording();
        feed.subscribe(null, after);

        assertThat(before.ended).isTrue();
        assertThat(after.ended).isTrue();
    }

    @Test
    void aCancelledSubscriptionIsOfferedNothingMore() {
        feed.listed("5");
        Recording subscriber = new Recording();
        feed.subscribe(null, subscriber).cancel();

        feed.record(Operation.CREATED, pod("a", "6"));
        fanOut();

        assertThat(subscriber.offered).isEmpty();
    }

    private void fanOut() {
        List<Runnable> tasks = List.copyOf(fanoutTasks);
        fanoutTasks.clear();
        tasks.forEach(Runnable::run);
    }

    private static List<String> describe(List<Change> changes) {
        return changes.stream()
                .map(change -> (change.deleted() ? "deleted" : change.previous() == null ? "added" : "modified") + " "
                        + change.object().name() + "@" + change.resourceVersion())
                .toList();
    }

    static CachedObject pod(String name, String resourceVersion) {
        GenericKubernetesResource pod = new GenericKubernetesResourceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .withUid(name + "-uid")
                .withResourceVersion(resourceVersion)
                .endMetadata()
                .build();
        return CachedObject.decoded(pod).compacted(ObjectJson.encode(pod, "v1", "Pod"));
    }

    /** Takes up to a number of changes, then refuses. */
    private static final class Recording implements ChangeSubscriber {

        private final int capacity;
        private final List<Change> offered = new ArrayList<>();
        private int refused;
        private boolean ended;

        Recording() {
            this(Integer.MAX_VALUE);
        }

        Recording(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public boolean offer(Change change) {
            if (offered.size() == capacity) {
                refused++;
                return false;
            }
            offered.add(change);
            return true;
        }

        @Override
        public void ended() {
            ended = true;
        }
    }
}
