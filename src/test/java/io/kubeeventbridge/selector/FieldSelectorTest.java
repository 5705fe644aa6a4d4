package io.kubeeventbridge.selector;

import static io.kubeeventbridge.selector.FieldRequirement.Operator.EQUALS;
import static io.kubeeventbridge.selector.FieldRequirement.Operator.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kubeeventbridge.selector.FieldRequirement.Operator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSelectorTest {

    private static final String ESCAPES = "the only escapes are \"\\\\\", \"\\,\" and \"\\=\"";

    private static final Map<String, String> RUNNING = Map.of("status.phase", "Running");
    private static final Map<String, String> PENDING = Map.of("status.phase", "Pending");
    private static final Map<String, String> EMPTY_PHASE = Map.of("status.phase", "");
    private static final Map<String, String> NO_FIELDS = Map.of();

    static Stream<Arguments> validSelectors() {
        return Stream.of(
                arguments("metadata.name=web", "metadata.name=web", List.of(equal("metadata.name", "web"))),
                arguments("metadata.name==web", "metadata.name=web", List.of(equal("metadata.name", "web"))),
                arguments(
                        "status.phase!=Running", "status.phase!=Running", List.of(notEqual("status.phase", "Running"))),
                arguments(
                        "status.phase!=Running,spec.nodeName=node-1",
                        "spec.nodeName=node-1,status.phase!=Running",
                        List.of(equal("spec.nodeName", "node-1"), notEqual("status.phase", "Running"))),
                arguments("spec.nodeName=", "spec.nodeName=", List.of(equal("spec.nodeName", ""))),
                arguments("spec.nodeName!=", "spec.nodeName!=", List.of(notEqual("spec.nodeName", ""))),
                arguments("status.phase=!Running", "status.phase=!Running", List.of(equal("status.phase", "!Running"))),
                arguments("reason=Back off", "reason=Back off", List.of(equal("reason", "Back off"))),
                arguments(
                        "involvedObject.fieldPath=spec.containers{app}",
                        "involvedObject.fieldPath=spec.containers{app}",
                        List.of(equal("involvedObject.fieldPath", "spec.containers{app}"))),
                arguments("a=1,,b=2", "a=1,b=2", List.of(equal("a", "1"), equal("b", "2"))),
                arguments("a=1,", "a=1", List.of(equal("a", "1"))),
                arguments(",a=1", "a=1", List.of(equal("a", "1"))),
                arguments("a=1,a=1", "a=1,a=1", List.of(equal("a", "1"), equal("a", "1"))),
                arguments("a!=2,a=1", "a!=2,a=1", List.of(notEqual("a", "2"), equal("a", "1"))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("validSelectors")
    void parsesEqualityAndInequalityTermsSortedByText(String text, String canonical, List<FieldRequirement> expected) {
        FieldSelector selector = FieldSelector.parse(text);

        assertThat(selector.requirements()).containsExactlyElementsOf(expected);
        assertThat(selector).hasToString(canonical);
        assertThat(selector.isEmpty()).isFalse();
    }

    static Stream<Arguments> escapedValues() {
        return Stream.of(
                arguments("metadata.name=a\\,b", "a,b", "metadata.name=a\\,b"),
                arguments("metadata.name=a\\=b", "a=b", "metadata.name=a\\=b"),
                arguments("metadata.name==\\=b", "=b", "metadata.name=\\=b"),
                arguments("metadata.name=a\\\\b", "a\\b", "metadata.name=a\\\\b"),
                arguments("metadata.name!=\\\\\\,\\=", "\\,=", "metadata.name!=\\\\\\,\\="),
                arguments("metadata.name=a\\\\,b=c", "a\\", "b=c,metadata.name=a\\\\"),
                arguments("metadata.name=a!b", "a!b", "metadata.name=a!b"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("escapedValues")
    void unescapesValuesAndEscapesThemAgainInTheCanonicalForm(String text, String value, String canonical) {
        FieldSelector selector = FieldSelector.parse(text);

        assertThat(selector.requirements())
                .filteredOn(requirement -> requirement.field().equals("metadata.name"))
                .singleElement()
                .extracting(FieldRequirement::value)
                .isEqualTo(value);
        assertThat(selector).hasToString(canonical);
    }

    static Stream<String> canonicalFormParsesBackToAnEqualSelector() {
        return Stream.concat(validSelectors(), escapedValues())
                .map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void canonicalFormParsesBackToAnEqualSelector(String text) {
        FieldSelector selector = FieldSelector.parse(text);

        FieldSelector reparsed = FieldSelector.parse(selector.toString());

        assertThat(reparsed).isEqualTo(selector).hasSameHashCodeAs(selector).hasToString(selector.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a,b=c\\d!", "=", "\\", ",", "!=", "x\\,y", ""})
    void anyValueSurvivesTheCanonicalForm(String value) {
        FieldRequirement requirement = new FieldRequirement("metadata.name", NOT_EQUALS, value);

        FieldSelector reparsed = FieldSelector.parse(requirement.toString());

        assertThat(reparsed.requirements()).containsExactly(requirement);
    }

    static Stream<Arguments> invalidSelectors() {
        return Stream.of(
                arguments(
                        "metadata.name",
                        0,
                        "term \"metadata.name\" at position 0 in \"metadata.name\" has no operator; expected"
                                + " field=value, field==value or field!=value"),
                arguments(
                        "a=1,status.phase",
                        4,
                        "term \"status.phase\" at position 4 in \"a=1,status.phase\" has no operator; expected"
                                + " field=value, field==value or field!=value"),
                arguments(
                        "a=1, ",
                        4,
                        "term \" \" at position 4 in \"a=1, \" has no operator; expected field=value, field==value or"
                                + " field!=value"),
                arguments("=web", 0, "term \"=web\" at position 0 in \"=web\" has no field name before the operator"),
                arguments(
                        "a=1,!=web",
                        4,
                        "term \"!=web\" at position 4 in \"a=1,!=web\" has no field name before the operator"),
                arguments(
                        "status.phase = Running",
                        0,
                        "field name \"status.phase \" at position 0 in \"status.phase = Running\" contains whitespace;"
                                + " field selectors allow no spaces around \",\" or operators"),
                arguments(
                        "a=1, spec.nodeName=n",
                        4,
                        "field name \" spec.nodeName\" at position 4 in \"a=1, spec.nodeName=n\" contains whitespace;"
                                + " field selectors allow no spaces around \",\" or operators"),
                arguments(
                        "a!b=c",
                        0,
                        "field name \"a!b\" at position 0 in \"a!b=c\" contains \"!\"; a field name is a path such as"
                                + " \"status.phase\""),
                arguments(
                        "a\\b=c",
                        0,
                        "field name \"a\\b\" at position 0 in \"a\\b=c\" contains \"\\\"; a field name is a path such as"
                                + " \"status.phase\""),
                arguments(
                        ".=x",
                        0,
                        "field name \".\" at position 0 in \".=x\" has an empty path segment; a field name is a path"
                                + " such as \"status.phase\""),
                arguments(
                        "a=1,status..phase!=x",
                        4,
                        "field name \"status..phase\" at position 4 in \"a=1,status..phase!=x\" has an empty path"
                                + " segment; a field name is a path such as \"status.phase\""),
                arguments(
                        "status.=x",
                        0,
                        "field name \"status.\" at position 0 in \"status.=x\" has an empty path segment; a field name"
                                + " is a path such as \"status.phase\""),
                arguments(
                        "...==x",
                        0,
                        "field name \"...\" at position 0 in \"...==x\" has an empty path segment; a field name is a"
                                + " path such as \"status.phase\""),
                arguments(
                        "metadata.name=a=b",
                        15,
                        "unescaped \"=\" at position 15 in \"metadata.name=a=b\"; write \"\\=\" for a literal \"=\" in a"
                                + " value"),
                arguments(
                        "spec.nodeName=a!=b",
                        16,
                        "unescaped \"=\" at position 16 in \"spec.nodeName=a!=b\"; write \"\\=\" for a literal \"=\" in a"
                                + " value"),
                arguments(
                        "metadata.name=web\\!",
                        17,
                        "invalid escape \"\\!\" at position 17 in \"metadata.name=web\\!\"; " + ESCAPES),
                arguments(
                        "metadata.name=a\\nb",
                        15,
                        "invalid escape \"\\n\" at position 15 in \"metadata.name=a\\nb\"; " + ESCAPES),
                arguments(
                        "metadata.name=web\\",
                        17,
                        "unfinished escape \"\\\" at position 17 in \"metadata.name=web\\\"; " + ESCAPES),
                arguments(
                        "metadata.name=a=\n",
                        15,
                        "unescaped \"=\" at position 15 in \"metadata.name=a=\\n\"; write \"\\=\" for a literal \"=\" in"
                                + " a value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSelectors")
    void invalidSelectorNamesPositionAndRule(String text, int position, String message) {
        assertThatThrownBy(() -> FieldSelector.parse(text))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage(message)
                .asInstanceOf(InstanceOfAssertFactories.type(SelectorSyntaxException.class))
                .satisfies(exception -> {
                    assertThat(exception.input()).isEqualTo(text);
                    assertThat(exception.position()).isEqualTo(position);
                });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n", ",", ",,"})
    void nullBlankOrOnlyCommasIsTheEmptySelector(String text) {
        FieldSelector selector = FieldSelector.parse(text);

        assertThat(selector.isEmpty()).isTrue();
        assertThat(selector.requirements()).isEmpty();
        assertThat(selector).hasToString("").isEqualTo(FieldSelector.parse(null));
        assertThat(selector.matches(field -> null)).isTrue();
    }

    static Stream<Arguments> matchesWithAbsentFieldsAsEmptyStrings() {
        return Stream.of(
                arguments("status.phase=Running", RUNNING, true),
                arguments("status.phase=Running", PENDING, false),
                arguments("status.phase=Running", NO_FIELDS, false),
                arguments("status.phase==Running", RUNNING, true),
                arguments("status.phase=running", RUNNING, false),
                arguments("status.phase!=Running", RUNNING, false),
                arguments("status.phase!=Running", PENDING, true),
                arguments("status.phase!=Running", NO_FIELDS, true),
                // An absent field reads as "", as in the API server and for custom resources' selectable fields.
                arguments("status.phase=", NO_FIELDS, true),
                arguments("status.phase=", EMPTY_PHASE, true),
                arguments("status.phase=", RUNNING, false),
                arguments("status.phase!=", NO_FIELDS, false),
                arguments("status.phase!=", EMPTY_PHASE, false),
                arguments("status.phase!=", RUNNING, true),
                arguments("metadata.name=a\\,b", Map.of("metadata.name", "a,b"), true),
                arguments("metadata.name=a\\,b", Map.of("metadata.name", "a\\,b"), false),
                arguments(
                        "status.phase=Running,spec.nodeName=n1",
                        Map.of("status.phase", "Running", "spec.nodeName", "n1"),
                        true),
                arguments("status.phase=Running,spec.nodeName=n1", RUNNING, false),
                arguments("status.phase!=Running,status.phase!=Pending", PENDING, false),
                arguments("status.phase!=Running,status.phase!=Pending", Map.of("status.phase", "Failed"), true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource
    void matchesWithAbsentFieldsAsEmptyStrings(String selector, Map<String, String> fields, boolean matches) {
        assertThat(FieldSelector.parse(selector).matches(fields::get)).isEqualTo(matches);
    }

    @Test
    void selectorsWithTheSameRequirementsAreEqualHoweverWritten() {
        FieldSelector selector = FieldSelector.parse("status.phase!=Running,metadata.name==web");

        assertThat(selector)
                .isEqualTo(FieldSelector.parse("metadata.name=web,,status.phase!=Running,"))
                .hasSameHashCodeAs(FieldSelector.parse("metadata.name=web,status.phase!=Running"))
                .isNotEqualTo(FieldSelector.parse("metadata.name=web"))
                .isNotEqualTo("metadata.name=web,status.phase!=Running");
    }

    static Stream<Arguments> invalidFieldNames() {
        return Stream.of(
                arguments("", "field name \"\" is empty"),
                arguments(
                        "status phase",
                        "field name \"status phase\" contains whitespace; field selectors allow no spaces around \",\""
                                + " or operators"),
                arguments("a!", "field name \"a!\" contains \"!\"; a field name is a path such as \"status.phase\""),
                arguments("a=b", "field name \"a=b\" contains \"=\"; a field name is a path such as \"status.phase\""),
                arguments("a,b", "field name \"a,b\" contains \",\"; a field name is a path such as \"status.phase\""),
                arguments(
                        ".status",
                        "field name \".status\" has an empty path segment; a field name is a path such as"
                                + " \"status.phase\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalidFieldNames(String field, String message) {
        assertThatThrownBy(() -> new FieldRequirement(field, EQUALS, "x"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static FieldRequirement equal(String field, String value) {
        return new FieldRequirement(field, Operator.EQUALS, value);
    }

    private static FieldRequirement notEqual(String field, String value) {
        return new FieldRequirement(field, Operator.NOT_EQUALS, value);
    }
}
