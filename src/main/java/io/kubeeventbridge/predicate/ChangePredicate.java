package io.kubeeventbridge.predicate;

import io.kubeeventbridge.event.Operation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What one configured entry publishes: which operations ({@code operations}), and which updates: one whose
 * differences from the previous state all lie under {@code ignore-changes} (or in the resourceVersion and
 * managedFields alone) is invisible to consumers and publishes nothing. Since every state either was published or
 * differed from the last published one only in ignored places, comparing with the previous state is comparing with
 * the last published one. Pure: no Spring, no I/O.
 *
 * <p>Where updates are compared, states also have a {@link #fingerprint} of what counts in them, which checkpoints
 * keep, so that a restart compares with the last published state just the same.
 */
public final class ChangePredicate {

    /** Publishes every operation and every update, and says nothing of what changed. */
    public static final ChangePredicate EVERYTHING =
            new ChangePredicate(EnumSet.allOf(Operation.class), List.of(), false);

    private final Set<Operation> operations;
    private final boolean comparesUpdates;
    private final ContentDiff diff;
    private final ContentFingerprint fingerprint;
    private final boolean reportChangedPaths;

    /**
     * @param operations the operations published
     * @param ignored where changes do not count
     * @param reportChangedPaths whether updates say what changed ({@code changedpaths})
     */
    public ChangePredicate(Set<Operation> operations, List<PointerPattern> ignored, boolean reportChangedPaths) {
        this.operations = EnumSet.copyOf(operations);
        this.comparesUpdates = !ignored.isEmpty() || reportChangedPaths;
        IgnoredPaths ignoredPaths = new IgnoredPaths(ignored);
        this.diff = new ContentDiff(ignoredPaths);
        this.fingerprint = new ContentFingerprint(ignoredPaths);
        this.reportChangedPaths = reportChangedPaths;
    }

    public boolean publishes(Operation operation) {
        return operations.contains(operation);
    }

    /**
     * Whether updates need both states compared: only when something is ignored or changed paths are reported. Then
     * an update publishes only when something that counts changed, and not on every resourceVersion.
     */
    public boolean comparesUpdates() {
        return comparesUpdates;
    }

    /**
     * The fingerprint of what counts in {@code state} (compact JSON, payload policy applied) where updates are
     * compared, and so a new resourceVersion alone is no change; empty otherwise.
     */
    public OptionalLong fingerprint(byte[] state) {
        return comparesUpdates ? OptionalLong.of(fingerprint.of(state)) : OptionalLong.empty();
    }

    /**
     * The verdict on an update from {@code previous} to {@code current}, both as the cache keeps them (compact JSON,
     * payload policy applied).
     */
    public Update update(byte[] previous, byte[] current) {
        if (!publishes(Operation.UPDATED)) {
            return Update.SKIP;
        }
        if (!comparesUpdates) {
            return Update.PUBLISH;
        }
        // The new state's text is indexed once, for the comparison and for the fingerprint its checkpoint asks later;
        // the previous state's index follows it wherever their bytes agree.
        JsonText state = JsonText.withCanonicalContainers(current);
        TreeSet<String> changed = diff.changed(JsonText.like(previous, state), state);
        if (changed.isEmpty()) {
            return Update.SKIP;
        }
        return new Update(
                true,
                reportChangedPaths ? Collections.unmodifiableSortedSet(changed) : null,
                () -> OptionalLong.of(fingerprint.of(state)));
    }

    /**
     * @param publish whether the update is published
     * @param changedPaths the JSON pointers of the changed values, sorted, for the {@code changedpaths} extension;
     *     {@code null} when not reported
     * @param fingerprint the {@link ChangePredicate#fingerprint fingerprint} of the new state, taken when asked
     *     (where its checkpoint is made)
     */
    public record Update(boolean publish, SortedSet<String> changedPaths, Supplier<OptionalLong> fingerprint) {

        static final Update SKIP = new Update(false, null, OptionalLong::empty);
        static final Update PUBLISH = new Update(true, null, OptionalLong::empty);
    }
}
