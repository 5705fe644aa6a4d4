package io.kubeeventbridge.selector;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed Kubernetes field selector, such as {@code status.phase!=Running,spec.nodeName=node-1}, with the syntax
 * and matching of apimachinery's {@code fields.ParseSelector}. Immutable; requirements are ANDed.
 */
public final class FieldSelector {

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<FieldRequirement> requirements;

    private FieldSelector(List<FieldRequirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /**
     * Parses a field selector. Null or blank text gives the empty selector, which matches everything. As in
     * Kubernetes, empty terms ({@code a=b,,c=d} or a trailing comma) are ignored and nothing is trimmed.
     *
     * @throws SelectorSyntaxException naming the position and what was expected, when a term has no operator, an
     *     empty or malformed field name, an unescaped {@code =} in its value or an unknown escape
     */
    public static FieldSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        return new FieldSelector(FieldSelectorParser.parse(text));
    }

    /**
     * Whether an object's fields satisfy every requirement.
     *
     * @param fieldValues the value of a field by its path, or null when the object has no such field; an absent
     *     field counts as the empty string, as in Kubernetes
     */
    public boolean matches(Function<String, String> fieldValues) {
        return requirements.stream().allMatch(requirement -> requirement.matches(fieldValues));
    }

    /** The requirements, sorted by their text as Kubernetes sorts its terms. */
    public List<FieldRequirement> requirements() {
        return requirements;
    }

    /** Whether this selector has no requirements and so matches everything. */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /**
     * The canonical form, ready for an API server's {@code fieldSelector} parameter: sorted requirements, values
     * escaped, {@code ==} written as {@code =}. Empty for the empty selector.
     */
    @Override
    public String toString() {
        return requirements.stream().map(FieldRequirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSelector selector && requirements.equals(selector.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
