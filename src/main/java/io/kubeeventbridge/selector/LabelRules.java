package io.kubeeventbridge.selector;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for label keys and values (apimachinery {@code IsLabelKey} and {@code IsLabelValue}). Each check
 * returns the first problem as the end of a sentence that starts with the offending key or value.
 */
final class LabelRules {

    private static final int MAX_NAME_LENGTH = 63;
    private static final int MAX_PREFIX_LENGTH = 253;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private static final String NAME_RULE =
            "alphanumeric characters, \"-\", \"_\" or \".\", starting and ending with an alphanumeric character";

    private LabelRules() {}

    static Optional<String> keyProblem(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return Optional.of("has more than one \"/\"; a key is a name with an optional DNS subdomain prefix"
                    + " and \"/\", e.g. \"app.kubernetes.io/name\"");
        }
        if (parts.length == 1) {
            return nameProblem(
                    key,
                    "is empty",
                    "is longer than " + MAX_NAME_LENGTH + " characters",
                    "is invalid; a key must consist of ");
        }
        String prefix = parts[0];
        if (prefix.isEmpty()) {
            return Optional.of("has an empty prefix before \"/\"");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            return Optional.of("has a prefix longer than " + MAX_PREFIX_LENGTH + " characters");
        }
        if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
            return Optional.of("has an invalid prefix " + SelectorSyntaxException.quoteToken(prefix)
                    + "; a prefix must be a DNS subdomain: lower-case alphanumeric characters, \"-\" or \".\","
                    + " starting and ending with an alphanumeric character");
        }
        String name = parts[1];
        return nameProblem(
                name,
                "has an empty name after \"/\"",
                "has a name longer than " + MAX_NAME_LENGTH + " characters",
                "has an invalid name " + SelectorSyntaxException.quoteToken(name) + "; a name must consist of ");
    }

    /** Checks a value, and for {@code >} and {@code <} that it is a 64-bit integer, as Go's ParseInt reads one. */
    static Optional<String> valueProblem(String value, Requirement.Operator operator) {
        if (value.length() > MAX_NAME_LENGTH) {
            return Optional.of("is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            return Optional.of("is invalid; a value must be empty or consist of " + NAME_RULE);
        }
        boolean numeric = operator == Requirement.Operator.GREATER_THAN || operator == Requirement.Operator.LESS_THAN;
        if (numeric && parseInteger(value).isEmpty()) {
            return Optional.of("is not an integer; \">\" and \"<\" compare label values as 64-bit integers");
        }
        return Optional.empty();
    }

    /** Reads a label value as Go's {@code strconv.ParseInt(value, 10, 64)} does: ASCII digits, optional sign. */
    static Optional<Long> parseInteger(String value) {
        if (value == null || !INTEGER.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static Optional<String> nameProblem(String name, String empty, String tooLong, String invalid) {
        if (name.isEmpty()) {
            return Optional.of(empty);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(tooLong);
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(invalid + NAME_RULE);
        }
        return Optional.empty();
    }
}
