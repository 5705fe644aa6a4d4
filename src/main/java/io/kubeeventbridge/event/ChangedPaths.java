package io.kubeeventbridge.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The value of the {@code changedpaths} extension: the JSON pointers of the changed values, each cut at depth 3 and
 * listed once, sorted, comma-separated, at most 32, then {@code ,...} when more changed. Short enough for a header,
 * precise enough to route on ({@code /spec} changed or not).
 */
final class ChangedPaths {

    static final int MAX_POINTERS = 32;
    static final int DEPTH = 3;
    private static final String MORE = "...";
    private static final String SEPARATOR = ",";
    // Inside a pointer '/' only separates tokens ('/' in a key is written ~1), so a comma before one separates
    // pointers.
    private static final Pattern BETWEEN_POINTERS = Pattern.compile(",(?=/)");

    private ChangedPaths() {}

    /** The extension's value for {@code pointers}, full JSON pointers in any order. */
    static String of(Collection<String> pointers) {
        return format(cut(pointers), false);
    }

    /**
     * The extension's value for two updates taken as one: both lists, sorted and cut to 32 again. When either was
     * cut, so is the result, since what it left out is unknown.
     */
    static String union(String older, String newer) {
        TreeSet<String> pointers = new TreeSet<>();
        boolean more = addParsed(older, pointers) | addParsed(newer, pointers);
        return format(pointers, more);
    }

    private static TreeSet<String> cut(Collection<String> pointers) {
        TreeSet<String> cut = new TreeSet<>();
        pointers.forEach(pointer -> cut.add(cutAtDepth(pointer)));
        return cut;
    }

    private static String cutAtDepth(String pointer) {
        int slashes = 0;
        for (int at = 0; at < pointer.length(); at++) {
            if (pointer.charAt(at) == '/' && ++slashes > DEPTH) {
                return pointer.substring(0, at);
            }
        }
        return pointer;
    }

    private static String format(TreeSet<String> pointers, boolean more) {
        List<String> listed = new ArrayList<>(MAX_POINTERS + 1);
        Iterator<String> each = pointers.iterator();
        while (each.hasNext() && listed.size() < MAX_POINTERS) {
            listed.add(each.next());
        }
        if (more || each.hasNext()) {
            listed.add(MORE);
        }
        return String.join(SEPARATOR, listed);
    }

    /**
     * Adds the pointers {@code value} lists and tells whether it was cut. A list of 32 whose last key ends in
     * {@code ,...} reads as cut: it only widens what a consumer takes as changed.
     */
    private static boolean addParsed(String value, Collection<String> pointers) {
        String[] listed = BETWEEN_POINTERS.split(value);
        String last = listed[listed.length - 1];
        boolean more = listed.length == MAX_POINTERS && last.endsWith(SEPARATOR + MORE);
        if (more) {
            listed[listed.length - 1] = last.substring(0, last.length() - MORE.length() - 1);
        }
        pointers.addAll(List.of(listed));
        return more;
    }
}
