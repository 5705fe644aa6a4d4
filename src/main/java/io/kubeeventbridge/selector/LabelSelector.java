package io.kubeeventbridge.selector;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed Kubernetes label selector, such as {@code app in (api,web),!canary}, with the syntax, validation and
 * matching of apimachinery's {@code labels.Parse}. Immutable; requirements are ANDed.
 */
public final class LabelSelector {

    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /**
     * Parses a label selector. Null or blank text gives the empty selector, which matches everything.
     *
     * @throws SelectorSyntaxException naming the position and what was expected, when the text is not a valid
     *     Kubernetes label selector
     */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        return new LabelSelector(LabelSelectorParser.parse(text));
    }

    /** Whether labels satisfy every requirement; null labels count as none. */
    public boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(requirement -> requirement.matches(labels));
    }

    /** The requirements, sorted by key as Kubernetes sorts them. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /** Whether this selector has no requirements and so matches everything. */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /**
     * The canonical form, which Kubernetes parses back to the same selector: requirements sorted by key, values
     * sorted, no spaces except around {@code in} and {@code notin}, {@code ==} written as {@code =}. Empty for the
     * empty selector.
     */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSelector selector && requirements.equals(selector.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
