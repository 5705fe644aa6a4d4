package io.kubeeventbridge.predicate;

import io.kubeeventbridge.predicate.JsonText.Member;
import io.kubeeventbridge.predicate.JsonText.Range;
import java.util.ArrayList;
import java.util.List;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * A fingerprint of what counts in a state of an object: XXH64 (seed 0) of its JSON in a canonical form, keys sorted
 * and no whitespace, without what lies where changes do not count ({@link IgnoredPaths}). Two states have the same
 * fingerprint when {@link ContentDiff} finds no difference between them (and, but for hash collisions, only then),
 * whatever order their keys come in: so a checkpoint's fingerprint tells whether an object changed in a way that
 * counts while nobody published. Stable across versions of the bridge and JVMs, since checkpoints outlive both.
 *
 * <p>The canonical form is what Jackson writes for the decoded state, keys sorted; it is written from the state's
 * text ({@link JsonText}) without decoding it, and {@link CanonicalText} copies each scalar as it is when Jackson
 * would write it so.
 */
final class ContentFingerprint {

    // The pure-Java implementation: no native library to extract on a read-only root filesystem.
    private static final XXHash64 XXHASH = XXHashFactory.fastestJavaInstance().hash64();

    private final IgnoredPaths ignored;

    ContentFingerprint(IgnoredPaths ignored) {
        this.ignored = ignored;
    }

    /** @param state a JSON text */
    long of(byte[] state) {
        return of(JsonText.withCanonicalContainers(state));
    }

    /** @param state a text that knows its canonical containers ({@link JsonText#withCanonicalContainers}) */
    long of(JsonText state) {
        CanonicalText canonical = new CanonicalText(state, state.length());
        write(state, state.root(), new ArrayList<>(), canonical);
        return canonical.hash(XXHASH);
    }

    /**
     * Writes what counts in {@code value}, as the comparison sees it: a key whose value holds nothing that counts is
     * left out, like a missing one; an ignored array element is written as {@code null}, so the elements after it keep
     * their indexes, and ignored elements at the end are left out, like missing ones.
     *
     * @param path where {@code value} is; {@code null} where nothing below it is ignored, and no path need be kept
     * @return whether {@code value} holds anything that counts: a map holding nothing is as good as none
     */
    private boolean write(JsonText text, Range value, List<String> path, CanonicalText canonical) {
        List<String> pathBelow = path != null && ignored.mayCoverBelow(path) ? path : null;
        if (pathBelow == null && text.kind(value).isContainer() && canonical.copyIfCanonical(value)) {
            return true; // nothing in it is left out: it holds no empty object
        }
        return switch (text.kind(value)) {
            case OBJECT -> writeObject(text, value, pathBelow, canonical);
            case ARRAY -> writeArray(text, value, pathBelow, canonical);
            default -> {
                canonical.scalar(value);
                yield true;
            }
        };
    }

    /** A member is written and taken back when its value holds nothing that counts. */
    private boolean writeObject(JsonText text, Range object, List<String> path, CanonicalText canonical) {
        canonical.raw('{');
        boolean counts = false;
        for (Member member : MemberOrder.sorted(text, text.members(object))) {
            if (path != null) {
                path.add(text.key(member));
            }
            if (path == null || !ignored.covers(path)) {
                int mark = canonical.length();
                if (counts) {
                    canonical.raw(',');
                }
                canonical.name(member);
                if (write(text, member.value(), path, canonical)) {
                    counts = true;
                } else {
                    canonical.truncate(mark);
                }
            }
            if (path != null) {
                path.remove(path.size() - 1);
            }
        }
        canonical.raw('}');
        return counts;
    }

    private boolean writeArray(JsonText text, Range array, List<String> path, CanonicalText canonical) {
        List<Range> elements = text.elements(array);
        int end = elements.size();
        while (path != null && end > 0 && isIgnored(path, end - 1)) {
            end--;
        }
        canonical.raw('[');
        for (int index = 0; index < end; index++) {
            if (index > 0) {
                canonical.raw(',');
            }
            if (path == null) {
                write(text, elements.get(index), null, canonical);
            } else if (isIgnored(path, index)) {
                canonical.nullValue();
            } else {
                path.add(Integer.toString(index));
                write(text, elements.get(index), path, canonical);
                path.remove(path.size() - 1);
            }
        }
        canonical.raw(']');
        return true;
    }

    private boolean isIgnored(List<String> path, int index) {
        path.add(Integer.toString(index));
        boolean covered = ignored.covers(path);
        path.remove(path.size() - 1);
        return covered;
    }
}
