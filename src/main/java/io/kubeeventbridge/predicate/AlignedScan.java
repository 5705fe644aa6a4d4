package io.kubeeventbridge.predicate;

import java.util.Arrays;

/**
 * Indexes the objects and arrays of a text ({@link ContainerIndex}) led by the index of a similar text: two states of
 * one object differ in a few values. Where their bytes agree (found by {@link Arrays#mismatch}, many bytes at a time),
 * the containers are the other text's, moved by the difference in offset; around each difference the two are read
 * side by side, token by token, until they agree again; and should their structures part, the rest of the text is
 * scanned alone. So indexing the state before an update costs little beyond reading the new one.
 */
final class AlignedScan {

    private final byte[] bytes;
    private final byte[] similar;
    private final ContainerIndex guide;
    private final ContainerIndex index;
    // The guide's containers in the order they begin: the next to begin, and the indexes of those open.
    private int next;
    private int[] guideOpen = new int[16];
    private int guideDepth;

    private AlignedScan(byte[] bytes, byte[] similar, ContainerIndex guide) {
        this.bytes = bytes;
        this.similar = similar;
        this.guide = guide;
        this.index = new ContainerIndex(bytes);
    }

    /**
     * The index of {@code bytes}, as {@code new ContainerIndex(bytes, false)} finds it.
     *
     * @param guide the index of {@code similar}
     */
    static ContainerIndex index(byte[] bytes, byte[] similar, ContainerIndex guide) {
        AlignedScan scan = new AlignedScan(bytes, similar, guide);
        scan.run();
        return scan.index;
    }

    /** From the beginnings of both texts: each step starts where both are at the same point of the same structure. */
    private void run() {
        int at = 0;
        int other = 0;
        while (true) {
            int agreeing = Arrays.mismatch(bytes, at, bytes.length, similar, other, similar.length);
            if (agreeing < 0) {
                follow(other, similar.length, at - other);
                return;
            }
            int differs = other + agreeing;
            int resume = follow(other, differs, at - other);
            at += resume - other;
            other = resume;
            while (other <= differs) {
                at = skipSpace(bytes, at);
                other = skipSpace(similar, other);
                if (at == bytes.length) {
                    return;
                }
                if (other == similar.length || tokenClass(bytes[at]) != tokenClass(similar[other])) {
                    index.scanFrom(at); // the structures part: the rest is read alone
                    return;
                }
                switch (bytes[at]) {
                    case '{', '[' -> {
                        index.open(at++);
                        openGuide(other++);
                    }
                    case '}', ']' -> {
                        index.close(at++);
                        guideDepth--;
                        other++;
                    }
                    case '"' -> {
                        at = ContainerIndex.stringEnd(bytes, at);
                        other = ContainerIndex.stringEnd(similar, other);
                    }
                    case ',', ':' -> {
                        at++;
                        other++;
                    }
                    default -> {
                        at = scalarEnd(bytes, at);
                        other = scalarEnd(similar, other);
                    }
                }
            }
        }
    }

    /**
     * Takes the guide's containers that begin or end in {@code [from, to)} of the similar text, where both texts agree,
     * moved by {@code shift}.
     *
     * @return just past the last of them, where both texts are between tokens; {@code from} when there is none
     */
    private int follow(int from, int to, int shift) {
        int resume = from;
        while (true) {
            int opening = next < guide.count() ? guide.startOf(next) : Integer.MAX_VALUE;
            int closing = guideDepth > 0 ? guide.endOf(guideOpen[guideDepth - 1]) - 1 : Integer.MAX_VALUE;
            int event = Math.min(opening, closing);
            if (event >= to) {
                return resume;
            }
            if (opening < closing && guide.endOf(next) <= to) {
                // The container and all in it lie where both texts agree: taken at once, not one by one.
                int after = guide.following(next);
                index.appendWhole(guide, next, after, shift);
                resume = guide.endOf(next);
                next = after;
                continue;
            }
            if (opening < closing) {
                index.open(event + shift);
                openGuide(event);
            } else {
                index.close(event + shift);
                guideDepth--;
            }
            resume = event + 1;
        }
    }

    /** The guide's next container begins at {@code start}, where both texts are at the same point. */
    private void openGuide(int start) {
        if (guide.startOf(next) != start) {
            throw new IllegalStateException("the guide's containers do not follow its text at " + start);
        }
        if (guideDepth == guideOpen.length) {
            guideOpen = Arrays.copyOf(guideOpen, guideDepth * 2);
        }
        guideOpen[guideDepth++] = next++;
    }

    /** What kind of token begins with {@code first}: itself for a quote and structural characters, else a scalar. */
    private static int tokenClass(byte first) {
        return switch (first) {
            case '{', '}', '[', ']', ',', ':', '"' -> first;
            default -> 0;
        };
    }

    private static int scalarEnd(byte[] text, int start) {
        int at = start + 1;
        while (at < text.length && !JsonText.endsScalar(text[at])) {
            at++;
        }
        return at;
    }

    private static int skipSpace(byte[] text, int at) {
        while (at < text.length && JsonText.isSpace(text[at])) {
            at++;
        }
        return at;
    }
}
