package io.kubeeventbridge.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.event.Operation;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangePredicateTest {

    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop","resourceVersion":"%s",
             "labels":{"app":"%s"},"annotations":{"example.com/beat":"%s"}},
             "spec":{"replicas":%s,"containers":[{"name":"main","image":"%s"}]},
             "status":{"phase":"%s","conditions":[{"type":"Ready","lastHeartbeatTime":"%s"}]}}""";

    private static final ChangePredicate IGNORING_STATUS_AND_BEAT = new ChangePredicate(
            EnumSet.allOf(Operation.class),
            List.of(PointerPattern.parse("/status"), PointerPattern.parse("/metadata/annotations/example.com~1beat")),
            true);

    @Test
    void anUpdateOnlyUnderIgnoredPointersPublishesNothing() {
        byte[] before = pod("1", "web", "a", 1, "nginx:1", "Pending", "t1");
        byte[] after = pod("2", "web", "b", 1, "nginx:1", "Running", "t2");

        assertThat(IGNORING_STATUS_AND_BEAT.update(before, after).publish()).isFalse();
    }

    @Test
    void anUpdateOfTheResourceVersionAloneIsNoChange() {
        byte[] before = pod("1", "web", "a", 1, "nginx:1", "Pending", "t1");
        byte[] after = pod("2", "web", "a", 1, "nginx:1", "Pending", "t1");

        assertThat(new ChangePredicate(EnumSet.allOf(Operation.class), List.of(), true)
                        .update(before, after)
                        .publish())
                .isFalse();
    }

    @Test
    void aChangeThatCountsPublishesWithTheChangedPaths() {
        byte[] before = pod("1", "web", "a", 1, "nginx:1", "Pending", "t1");
        byte[] after = pod("2", "api", "a", 3, "nginx:2", "Running", "t1");

        ChangePredicate.Update update = IGNORING_STATUS_AND_BEAT.update(before, after);

        assertThat(update.publish()).isTrue();
        assertThat(update.changedPaths())
                .containsExactly("/metadata/labels/app", "/spec/containers/0/image", "/spec/replicas");
    }

    @Test
    void statesThatDifferOnlyWhereChangesDoNotCountHaveOneFingerprint() {
        byte[] before = pod("1", "web", "a", 1, "nginx:1", "Pending", "t1");

        assertThat(IGNORING_STATUS_AND_BEAT.fingerprint(pod("9", "web", "b", 1, "nginx:1", "Running", "t2")))
                .isEqualTo(IGNORING_STATUS_AND_BEAT.fingerprint(before));
        assertThat(IGNORING_STATUS_AND_BEAT.fingerprint(pod("1", "web", "a", 2, "nginx:1", "Pending", "t1")))
                .isNotEqualTo(IGNORING_STATUS_AND_BEAT.fingerprint(before));
    }

    @Test
    void whereEveryResourceVersionPublishesThereIsNoFingerprint() {
        assertThat(ChangePredicate.EVERYTHING.fingerprint(pod("1", "web", "a", 1, "nginx:1", "Pending", "t1")))
                .isEmpty();
    }

    @Test
    void changedPathsAreLeftOutUnlessAskedFor() {
        ChangePredicate quiet =
                new ChangePredicate(EnumSet.allOf(Operation.class), List.of(PointerPattern.parse("/status")), false);

        ChangePredicate.Update update = quiet.update(
                pod("1", "web", "a", 1, "nginx:1", "Pending", "t1"),
                pod("2", "web", "a", 2, "nginx:1", "Pending", "t1"));

        assertThat(update.publish()).isTrue();
        assertThat(update.changedPaths()).isNull();
    }

    @Test
    void anEntryWithoutUpdatesInItsOperationsNeverPublishesOne() {
        ChangePredicate createsAndDeletes =
                new ChangePredicate(EnumSet.of(Operation.CREATED, Operation.DELETED), List.of(), false);

        assertThat(createsAndDeletes.update(new byte[0], new byte[0]).publish()).isFalse();
        assertThat(createsAndDeletes.publishes(Operation.DELETED)).isTrue();
        assertThat(createsAndDeletes.publishes(Operation.SNAPSHOT)).isFalse();
    }

    @Test
    void withNothingIgnoredAndNoPathsAskedForUpdatesAreNotCompared() {
        assertThat(ChangePredicate.EVERYTHING.comparesUpdates()).isFalse();
        assertThat(ChangePredicate.EVERYTHING.update(new byte[0], new byte[0]).publish())
                .isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1}                  | {\"a\":2}                   | /a",
                "{\"a\":{\"b\":1}}          | {\"a\":{\"c\":1}}           | /a/b,/a/c",
                "{\"a\":[1,2]}              | {\"a\":[1,2,3]}             | /a/2",
                "{\"a\":[1,2]}              | {\"a\":{\"0\":1}}           | /a",
                "{\"a\":{\"x/y\":1}}        | {\"a\":{\"x/y\":2}}         | /a/x~1y",
                "{\"b\":1,\"a\":2}          | {\"a\":2,\"b\":1}           | ''",
                "{\"a\":null}               | {}                          | /a",
                "{}                         | {\"a\":{\"b\":{}}}         | ''",
                "{}                         | {\"a\":{\"b\":1}}          | /a/b",
                "{}                         | {\"a\":[]}                 | /a",
                "{\"a\":1,\"b\":2,\"a\":3}   | {\"a\":2,\"b\":2,\"a\":3}  | ''",
                "{\"a\":1,\"b\":2,\"a\":3}   | {\"a\":1,\"b\":2,\"a\":4}  | /a",
                "{\"a\":1,\"b\":2}          | {\"a\":1,\"\\u0062\":3}     | /b",
                "{\"a\":1,\"b\":2}          | {\"a\":1,\"\\u0062\":2}     | ''",
                "{\"b\":1,\"a\":2}          | {\"b\":1,\"a\":3,\"c\":4}  | /a,/c",
            })
    void valuesAreComparedAsJson(String before, String after, String changed) {
        TreeSet<String> diff = new ContentDiff(new IgnoredPaths(List.of()))
                .changed(
                        JsonText.of(before.getBytes(StandardCharsets.UTF_8)),
                        JsonText.withCanonicalContainers(after.getBytes(StandardCharsets.UTF_8)));

        assertThat(String.join(",", diff)).isEqualTo(changed);
    }

    private static byte[] pod(
            String resourceVersion,
            String app,
            String beat,
            int replicas,
            String image,
            String phase,
            String heartbeat) {
        return POD.formatted(resourceVersion, app, beat, replicas, image, phase, heartbeat)
                .getBytes(StandardCharsets.UTF_8);
    }
}
