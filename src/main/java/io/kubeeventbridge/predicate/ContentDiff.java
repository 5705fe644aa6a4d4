package io.kubeeventbridge.predicate;

import io.kubeeventbridge.payload.JsonPointer;
import io.kubeeventbridge.predicate.JsonText.Kind;
import io.kubeeventbridge.predicate.JsonText.Member;
import io.kubeeventbridge.predicate.JsonText.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Where two states of an object differ, as the JSON pointers of the changed values, leaving out where changes do not
 * count ({@link IgnoredPaths}). Values are compared as JSON: maps by key whatever their order, arrays index by index;
 * a value whose type changed is changed as a whole. A map that appears or disappears is compared key by key with
 * none, as Kubernetes treats a missing map and an empty one alike: the first ignored annotation of an object is no
 * change either.
 *
 * <p>Both states are read as text ({@link JsonText}), walked side by side: a value written alike in both is equal
 * and not descended into, so the walk goes only where the bytes differ, and decodes only the scalars that do.
 */
final class ContentDiff {

    private final IgnoredPaths ignored;

    ContentDiff(IgnoredPaths ignored) {
        this.ignored = ignored;
    }

    /** The pointers of the values that differ between {@code before} and {@code after}, sorted. */
    TreeSet<String> changed(JsonText before, JsonText after) {
        TreeSet<String> changed = new TreeSet<>();
        new Walk(before, after, changed).compare(before.root(), after.root(), new ArrayList<>());
        return changed;
    }

    /** One comparison of two texts, collecting the changed pointers. */
    private final class Walk {

        private final JsonText before;
        private final JsonText after;
        private final TreeSet<String> changed;

        Walk(JsonText before, JsonText after, TreeSet<String> changed) {
            this.before = before;
            this.after = after;
            this.changed = changed;
        }

        /** @param was {@code null} for a key the map before lacks; likewise {@code is} */
        void compare(Range was, Range is, List<String> path) {
            if (ignored.covers(path) || (was != null && is != null && before.sameBytes(was, after, is))) {
                return;
            }
            Kind wasKind = was == null ? null : before.kind(was);
            Kind isKind = is == null ? null : after.kind(is);
            if (isMapOrNone(wasKind) && isMapOrNone(isKind)) {
                compareKeys(was, is, path);
            } else if (wasKind != isKind) {
                changed.add(pointer(path));
            } else if (wasKind == Kind.ARRAY) {
                compareElements(before.elements(was), after.elements(is), path);
            } else if (wasKind == Kind.STRING && before.isUnescaped(was) && after.isUnescaped(is)) {
                changed.add(pointer(path)); // two texts without escapes that differ are two strings
            } else if (!before.decode(was).equals(after.decode(is))) {
                changed.add(pointer(path));
            }
        }

        /**
         * Both maps' members side by side: as written when both write the same keys in the same order, else in key
         * order; a key one lacks is compared with none.
         */
        private void compareKeys(Range was, Range is, List<String> path) {
            List<Member> wasMembers = was == null ? List.of() : before.members(was);
            List<Member> isMembers = is == null ? List.of() : after.members(is);
            if (MemberOrder.pairAsWritten(before, wasMembers, after, isMembers)) {
                for (int index = 0; index < wasMembers.size(); index++) {
                    compareMembers(wasMembers.get(index), isMembers.get(index), path);
                }
                return;
            }
            wasMembers = MemberOrder.sorted(before, wasMembers);
            isMembers = MemberOrder.sorted(after, isMembers);
            int wasIndex = 0;
            int isIndex = 0;
            while (wasIndex < wasMembers.size() || isIndex < isMembers.size()) {
                Member wasMember = wasIndex < wasMembers.size() ? wasMembers.get(wasIndex) : null;
                Member isMember = isIndex < isMembers.size() ? isMembers.get(isIndex) : null;
                int order =
                        wasMember == null ? 1 : isMember == null ? -1 : before.compareKeys(wasMember, after, isMember);
                compareMembers(order <= 0 ? wasMember : null, order >= 0 ? isMember : null, path);
                wasIndex += order <= 0 ? 1 : 0;
                isIndex += order >= 0 ? 1 : 0;
            }
        }

        /**
         * Two members of one key; {@code null} for the one a map lacks. Values written alike are equal wherever they
         * are: their key is not even decoded.
         */
        private void compareMembers(Member was, Member is, List<String> path) {
            Range wasValue = was == null ? null : was.value();
            Range isValue = is == null ? null : is.value();
            if (wasValue == null || isValue == null || !before.sameBytes(wasValue, after, isValue)) {
                descend(wasValue, isValue, path, was == null ? after.key(is) : before.key(was));
            }
        }

        /** An element one array has and the other has not is changed, unless ignored. */
        private void compareElements(List<Range> was, List<Range> is, List<String> path) {
            for (int index = 0; index < Math.max(was.size(), is.size()); index++) {
                String token = Integer.toString(index);
                if (index < was.size() && index < is.size()) {
                    descend(was.get(index), is.get(index), path, token);
                } else {
                    path.add(token);
                    if (!ignored.covers(path)) {
                        changed.add(pointer(path));
                    }
                    path.remove(path.size() - 1);
                }
            }
        }

        private void descend(Range was, Range is, List<String> path, String token) {
            path.add(token);
            compare(was, is, path);
            path.remove(path.size() - 1);
        }
    }

    private static boolean isMapOrNone(Kind kind) {
        return kind == null || kind == Kind.OBJECT;
    }

    static String pointer(List<String> path) {
        StringBuilder pointer = new StringBuilder();
        path.forEach(token -> pointer.append('/').append(JsonPointer.escape(token)));
        return pointer.toString();
    }
}
