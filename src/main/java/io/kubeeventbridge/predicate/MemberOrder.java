package io.kubeeventbridge.predicate;

import io.kubeeventbridge.predicate.JsonText.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The members of an object as a decoded tree holds them: in key order, and of a key written twice only the last. The
 * encoders that write the cache's states write the keys of an object in the same order every time, mostly not sorted:
 * so two states of it are paired member by member as written, and sorted only where their keys differ.
 */
final class MemberOrder {

    // Looking for a repeated key pair by pair grows with the square of their number: beyond this many, sort instead.
    private static final int MOST_KEYS_PAIRED_AS_WRITTEN = 32;

    private MemberOrder() {}

    /**
     * Whether the members of two objects pair one by one as written: the same plain keys in the same order, none of
     * them repeated. Then each key's values are those of the members at the same position.
     */
    static boolean pairAsWritten(JsonText text, List<Member> members, JsonText otherText, List<Member> others) {
        int size = members.size();
        if (size != others.size() || size > MOST_KEYS_PAIRED_AS_WRITTEN) {
            return false;
        }
        for (int index = 0; index < size; index++) {
            if (!text.samePlainKey(members.get(index), otherText, others.get(index))) {
                return false;
            }
        }
        return !hasRepeatedPlainKey(text, members);
    }

    /**
     * {@code members} of an object of {@code text} in key order, of a key written twice only the last: as written when
     * their keys increase already.
     */
    static List<Member> sorted(JsonText text, List<Member> members) {
        if (isIncreasing(text, members)) {
            return members;
        }
        return allPlain(members) ? sortedByBytes(text, members) : sortedDecoded(text, members);
    }

    private static List<Member> sortedByBytes(JsonText text, List<Member> members) {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(
                (member, other) -> text.compareKeys(member, text, other)); // stable: of a repeated key, the last last
        return lastOfEachKey(sorted, (member, next) -> text.samePlainKey(member, text, next), Function.identity());
    }

    /** A key with an escape, or beyond ASCII, compares as its decoded string: each key is decoded once. */
    private static List<Member> sortedDecoded(JsonText text, List<Member> members) {
        List<Decoded> sorted = new ArrayList<>(members.size());
        members.forEach(member -> sorted.add(new Decoded(text.key(member), member)));
        sorted.sort(Comparator.comparing(Decoded::key)); // stable: of a repeated key, the last last
        return lastOfEachKey(sorted, (member, next) -> member.key().equals(next.key()), Decoded::member);
    }

    /** Of members sorted by key, the last of each run with the same key: the one a decoded tree keeps. */
    private static <T> List<Member> lastOfEachKey(
            List<T> sorted, BiPredicate<T, T> sameKey, Function<T, Member> member) {
        List<Member> lastOfEach = new ArrayList<>(sorted.size());
        for (int index = 0; index < sorted.size(); index++) {
            if (index + 1 == sorted.size() || !sameKey.test(sorted.get(index), sorted.get(index + 1))) {
                lastOfEach.add(member.apply(sorted.get(index)));
            }
        }
        return lastOfEach;
    }

    private record Decoded(String key, Member member) {}

    /** Whether every key is plain and greater than the one before: then none is repeated either. */
    private static boolean isIncreasing(JsonText text, List<Member> members) {
        for (int index = 0; index < members.size(); index++) {
            Member member = members.get(index);
            if (!member.plainKey() || (index > 0 && text.compareKeys(members.get(index - 1), text, member) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allPlain(List<Member> members) {
        for (Member member : members) {
            if (!member.plainKey()) {
                return false;
            }
        }
        return true;
    }

    /** Of plain keys, pair by pair: lengths first, which mostly differ. */
    private static boolean hasRepeatedPlainKey(JsonText text, List<Member> members) {
        for (int index = 1; index < members.size(); index++) {
            Member member = members.get(index);
            int length = member.key().end() - member.key().start();
            for (int earlier = 0; earlier < index; earlier++) {
                Member other = members.get(earlier);
                if (other.key().end() - other.key().start() == length && text.samePlainKey(member, text, other)) {
                    return true;
                }
            }
        }
        return false;
    }
}
