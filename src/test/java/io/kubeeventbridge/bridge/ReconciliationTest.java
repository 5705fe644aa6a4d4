package io.kubeeventbridge.bridge;

import static io.kubeeventbridge.event.Operation.CREATED;
import static io.kubeeventbridge.event.Operation.DELETED;
import static io.kubeeventbridge.event.Operation.SNAPSHOT;
import static io.kubeeventbridge.event.Operation.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.publish.Checkpoint;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReconciliationTest {

    /** An entry whose updates publish on every resourceVersion: no fingerprint to compare. */
    private static final Supplier<OptionalLong> NOT_COMPARED = OptionalLong::empty;

    private static final Map<String, Checkpoint> PREVIOUS = Map.of(
            "shop/web", new Checkpoint("uid-web", "10"),
            "shop/api", new Checkpoint("uid-api", "11"),
            "other/db", new Checkpoint("uid-db", "12"));

    static Stream<Arguments> firstListAgainstCheckpoints() {
        return Stream.of(
                Arguments.of("unchanged since the checkpoint: nothing", "shop/web", "uid-web", "10", List.of()),
                Arguments.of("changed while down: updated", "shop/web", "uid-web", "15", List.of(UPDATED)),
                Arguments.of("new while down: created", "shop/new", "uid-new", "16", List.of(CREATED)),
                Arguments.of(
                        "recreated under the same name: the old one deleted, then the new one created",
                        "shop/web",
                        "uid-web-2",
                        "17",
                        List.of(DELETED, CREATED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstListAgainstCheckpoints")
    void listedObjectIsComparedWithItsCheckpoint(
            String behaviour, String key, String uid, String resourceVersion, List<Operation> expected) {
        assertThat(new Reconciliation(PREVIOUS).listed(key, uid, resourceVersion, NOT_COMPARED))
                .isEqualTo(expected);
    }

    static Stream<Arguments> comparedByContent() {
        return Stream.of(
                Arguments.of("only changes that do not count while down: nothing", 7L, "15", List.of()),
                Arguments.of("a change that counts while down: updated", 8L, "15", List.of(UPDATED)),
                Arguments.of(
                        "the checkpointed resourceVersion: nothing, whatever the fingerprint", 8L, "10", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparedByContent")
    void whereUpdatesAreComparedByContentTheFingerprintDecides(
            String behaviour, long fingerprint, String resourceVersion, List<Operation> expected) {
        Reconciliation reconciliation =
                new Reconciliation(Map.of("shop/web", new Checkpoint("uid-web", "10", OptionalLong.of(7))));

        assertThat(reconciliation.listed("shop/web", "uid-web", resourceVersion, () -> OptionalLong.of(fingerprint)))
                .isEqualTo(expected);
    }

    @Test
    void aCheckpointWithoutFingerprintComparesByResourceVersion() {
        assertThat(new Reconciliation(PREVIOUS).listed("shop/web", "uid-web", "15", () -> OptionalLong.of(7)))
                .containsExactly(UPDATED);
        assertThat(new Reconciliation(PREVIOUS).listed("shop/web", "uid-web", "10", () -> OptionalLong.of(7)))
                .isEmpty();
    }

    @Test
    void aCheckpointWithFingerprintComparesByResourceVersionWhereUpdatesAreNoLongerCompared() {
        Reconciliation reconciliation =
                new Reconciliation(Map.of("shop/web", new Checkpoint("uid-web", "10", OptionalLong.of(7))));

        assertThat(reconciliation.listed("shop/web", "uid-web", "15", NOT_COMPARED))
                .containsExactly(UPDATED);
    }

    @Test
    void withoutCheckpointsEveryObjectIsASnapshot() {
        assertThat(new Reconciliation(Map.of()).listed("shop/web", "uid-web", "10", NOT_COMPARED))
                .containsExactly(SNAPSHOT);
    }

    @Test
    void checkpointedObjectsMissingFromTheListVanishedWithinTheInformersNamespace() {
        Reconciliation reconciliation = new Reconciliation(PREVIOUS);
        reconciliation.listed("shop/web", "uid-web", "10", NOT_COMPARED);

        assertThat(reconciliation.vanished("shop"))
                .containsExactly(new Reconciliation.Vanished("shop/api", new Checkpoint("uid-api", "11")));
        assertThat(reconciliation.vanished(null))
                .extracting(Reconciliation.Vanished::key)
                .containsExactlyInAnyOrder("shop/api", "other/db");
    }

    @Test
    void recreatedObjectIsNotAlsoReportedAsVanished() {
        Reconciliation reconciliation = new Reconciliation(PREVIOUS);
        reconciliation.listed("shop/web", "uid-web-2", "17", NOT_COMPARED);

        assertThat(reconciliation.vanished("shop"))
                .extracting(Reconciliation.Vanished::key)
                .containsExactly("shop/api");
    }
}
