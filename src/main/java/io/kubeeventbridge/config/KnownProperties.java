package io.kubeeventbridge.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * Every property name {@link BridgeProperties} binds, read off its records, so that a misspelt key can be answered
 * with the key that was meant. List elements are written {@code [*]}: {@code bridge.resources[*].label-selector}.
 */
final class KnownProperties {

    private static final String INDEX = "\\[\\d+]";
    private static final int MAX_EDITS = 3;

    private final List<String> names;

    private KnownProperties(List<String> names) {
        this.names = names;
    }

    static KnownProperties of(String prefix, Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        collect(prefix, type, names);
        return new KnownProperties(List.copyOf(names));
    }

    /** The known property closest to {@code unknown} (at most a few edits away), with the same list indexes. */
    Optional<String> closestTo(String unknown) {
        String general = unknown.replaceAll(INDEX, "[*]");
        return names.stream()
                .map(name -> new Candidate(name, editDistance(general, name)))
                .filter(candidate -> candidate.edits() <= MAX_EDITS)
                .min(Comparator.comparingInt(Candidate::edits))
                .map(candidate -> withIndexesOf(unknown, candidate.name()));
    }

    private static void collect(String prefix, Class<?> type, List<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
            Class<?> element = listElement(component.getGenericType());
            if (element != null && element.isRecord()) {
                collect(name + "[*]", element, names);
            } else if (component.getType().isRecord()) {
                collect(name, component.getType(), names);
            } else {
                names.add(name);
            }
        }
    }

    private static Class<?> listElement(Type type) {
        return type instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == List.class
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                ? element
                : null;
    }

    private static String withIndexesOf(String unknown, String known) {
        var indexes = java.util.regex.Pattern.compile(INDEX).matcher(unknown);
        StringBuilder result = new StringBuilder(known);
        int at = 0;
        while (indexes.find() && (at = result.indexOf("[*]", at)) >= 0) {
            result.replace(at, at + 3, indexes.group());
        }
        return result.toString();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Candidate(String name, int edits) {}
}
