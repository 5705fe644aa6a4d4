package io.kubeeventbridge.selector;

import static io.kubeeventbridge.selector.SelectorSyntaxException.quoteToken;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One condition of a {@link FieldSelector}, such as {@code status.phase!=Running}.
 *
 * @param field the field's path, e.g. {@code metadata.name}
 * @param operator whether the field must equal the value or differ from it
 * @param value the unescaped value; may be empty
 */
public record FieldRequirement(String field, Operator operator, String value) {

    private static final String PATH_RULE = "a field name is a path such as \"status.phase\"";

    /** Field selectors compare for equality only. {@code ==} is parsed as {@link #EQUALS}. */
    public enum Operator {
        EQUALS("="),
        NOT_EQUALS("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** @throws IllegalArgumentException when the field name could not be written back into a selector */
    public FieldRequirement {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        fieldProblem(field).ifPresent(problem -> {
            throw new IllegalArgumentException("field name " + quoteToken(field) + " " + problem);
        });
    }

    /**
     * Whether the object's field satisfies this requirement. An absent field counts as the empty string, as it does
     * for the API server and for custom resources' selectable fields: {@code status.phase!=Running} matches an object
     * without a phase, and so does {@code status.phase=}.
     *
     * @param fieldValues the value of a field by its path, or null when the object has no such field
     */
    public boolean matches(Function<String, String> fieldValues) {
        String actual = Objects.requireNonNullElse(fieldValues.apply(field), "");
        return actual.equals(value) == (operator == Operator.EQUALS);
    }

    /** Kubernetes' notation with the value escaped, e.g. {@code metadata.name!=a\,b}. */
    @Override
    public String toString() {
        return field + operator.symbol + escape(value);
    }

    /**
     * Kubernetes itself accepts any text before the operator, but no API server supports a field that is empty,
     * contains whitespace, {@code !} or a backslash, or has an empty path segment ({@code .x}, {@code a..b}), and
     * such a name could not be written back unambiguously or names no field.
     */
    static Optional<String> fieldProblem(String field) {
        if (field.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("contains whitespace; field selectors allow no spaces around \",\" or operators");
            }
            if ("!\\,=".indexOf(c) >= 0) {
                return Optional.of("contains \"" + c + "\"; " + PATH_RULE);
            }
        }
        if (field.startsWith(".") || field.endsWith(".") || field.contains("..")) {
            return Optional.of("has an empty path segment; " + PATH_RULE);
        }
        return Optional.empty();
    }

    /** Kubernetes' {@code fields.EscapeValue}: backslash first, so the escapes it adds stay single. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }
}
