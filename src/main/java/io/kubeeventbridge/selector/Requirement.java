package io.kubeeventbridge.selector;

import static io.kubeeventbridge.selector.SelectorSyntaxException.quoteToken;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One condition of a {@link LabelSelector}, such as {@code app in (api,web)}. Valid by construction: the key and
 * values follow Kubernetes' label rules and the number of values fits the operator.
 *
 * @param key the label key, e.g. {@code app.kubernetes.io/name}
 * @param operator how the label's value is compared with {@code values}
 * @param values sorted and without duplicates, as Kubernetes keeps them; empty for {@code EXISTS} and
 *     {@code DOES_NOT_EXIST}, one value for the comparison operators
 */
public record Requirement(String key, Operator operator, List<String> values) {

    /** How a requirement relates a label to its values. {@code ==} is parsed as {@link #EQUALS}. */
    public enum Operator {
        EQUALS,
        NOT_EQUALS,
        IN,
        NOT_IN,
        EXISTS,
        DOES_NOT_EXIST,
        GREATER_THAN,
        LESS_THAN
    }

    /** @throws IllegalArgumentException when the key, a value or the number of values is invalid */
    public Requirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        // Sorted and deduplicated as Kubernetes does, so equal requirements compare and print equal.
        values = List.copyOf(new TreeSet<>(values));
        LabelRules.keyProblem(key).ifPresent(problem -> {
            throw new IllegalArgumentException("label key " + quoteToken(key) + " " + problem);
        });
        checkValueCount(operator, values.size());
        for (String value : values) {
            LabelRules.valueProblem(value, operator).ifPresent(problem -> {
                throw new IllegalArgumentException("label value " + quoteToken(value) + " " + problem);
            });
        }
    }

    /**
     * Whether the labels satisfy this requirement. As in Kubernetes, {@code !=} and {@code notin} match when the
     * key is absent; {@code =}, {@code in}, {@code >} and {@code <} need it present.
     *
     * @param labels an object's labels; null means none
     */
    public boolean matches(Map<String, String> labels) {
        Map<String, String> present = labels == null ? Map.of() : labels;
        String value = present.get(key);
        return switch (operator) {
            case EXISTS -> present.containsKey(key);
            case DOES_NOT_EXIST -> !present.containsKey(key);
            case EQUALS, IN -> value != null && values.contains(value);
            case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
            case GREATER_THAN, LESS_THAN -> comparesAsInteger(value);
        };
    }

    /** Kubernetes' notation, e.g. {@code app in (api,web)}, {@code !canary}, {@code tier=} or {@code replicas>2}. */
    @Override
    public String toString() {
        return switch (operator) {
            case EXISTS -> key;
            case DOES_NOT_EXIST -> "!" + key;
            case EQUALS -> key + "=" + values.get(0);
            case NOT_EQUALS -> key + "!=" + values.get(0);
            case IN -> key + " in (" + String.join(",", values) + ")";
            case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
            case GREATER_THAN -> key + ">" + values.get(0);
            case LESS_THAN -> key + "<" + values.get(0);
        };
    }

    private boolean comparesAsInteger(String labelValue) {
        Optional<Long> actual = LabelRules.parseInteger(labelValue);
        if (actual.isEmpty()) {
            return false; // absent or not a number: as in Kubernetes, neither > nor < holds
        }
        long bound = Long.parseLong(values.get(0));
        return operator == Operator.GREATER_THAN ? actual.get() > bound : actual.get() < bound;
    }

    private static void checkValueCount(Operator operator, int count) {
        String problem = switch (operator) {
            case IN, NOT_IN -> count == 0 ? "needs at least one value" : null;
            case EXISTS, DOES_NOT_EXIST -> count != 0 ? "takes no values" : null;
            default -> count != 1 ? "needs exactly one value" : null;
        };
        if (problem != null) {
            throw new IllegalArgumentException("operator " + operator + " " + problem + ", got " + count);
        }
    }
}
