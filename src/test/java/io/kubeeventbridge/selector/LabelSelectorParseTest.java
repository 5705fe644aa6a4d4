package io.kubeeventbridge.selector;

import static io.kubeeventbridge.selector.Requirement.Operator.DOES_NOT_EXIST;
import static io.kubeeventbridge.selector.Requirement.Operator.EQUALS;
import static io.kubeeventbridge.selector.Requirement.Operator.EXISTS;
import static io.kubeeventbridge.selector.Requirement.Operator.GREATER_THAN;
import static io.kubeeventbridge.selector.Requirement.Operator.IN;
import static io.kubeeventbridge.selector.Requirement.Operator.LESS_THAN;
import static io.kubeeventbridge.selector.Requirement.Operator.NOT_EQUALS;
import static io.kubeeventbridge.selector.Requirement.Operator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kubeeventbridge.selector.Requirement.Operator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorParseTest {

    private static final String NAME_63 = "n".repeat(63);
    private static final String VALUE_63 = "v".repeat(63);
    private static final String PREFIX_253 = ("a".repeat(63) + ".").repeat(3) + "b".repeat(61);

    static Stream<Arguments> everyOperator() {
        return Stream.of(
                arguments("app=web", "app=web", List.of(requirement("app", EQUALS, "web"))),
                arguments("app==web", "app=web", List.of(requirement("app", EQUALS, "web"))),
                arguments("app!=web", "app!=web", List.of(requirement("app", NOT_EQUALS, "web"))),
                arguments("app in (web,api)", "app in (api,web)", List.of(requirement("app", IN, "api", "web"))),
                arguments(
                        "app notin (web,api)",
                        "app notin (api,web)",
                        List.of(requirement("app", NOT_IN, "api", "web"))),
                arguments("app", "app", List.of(requirement("app", EXISTS))),
                arguments("!app", "!app", List.of(requirement("app", DOES_NOT_EXIST))),
                arguments("replicas>2", "replicas>2", List.of(requirement("replicas", GREATER_THAN, "2"))),
                arguments("replicas<10", "replicas<10", List.of(requirement("replicas", LESS_THAN, "10"))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyOperator")
    void parsesEveryOperator(String text, String canonical, List<Requirement> requirements) {
        assertParsed(text, canonical, requirements);
    }

    static Stream<Arguments> whitespaceVariants() {
        return Stream.of(
                arguments("  app = web  ", "app=web"),
                arguments("app == web", "app=web"),
                arguments("app != web", "app!=web"),
                arguments("app\tin\t(\tapi\t,\tweb\t)", "app in (api,web)"),
                arguments("app\nnotin\n(api,\r\nweb)", "app notin (api,web)"),
                arguments("app in(api,web)", "app in (api,web)"),
                arguments("app  notin   (api)", "app notin (api)"),
                arguments("\rapp", "app"),
                arguments("! app", "!app"),
                arguments(" a , b ", "a,b"),
                arguments("a=1 ,b=2", "a=1,b=2"),
                arguments("replicas > 2", "replicas>2"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("whitespaceVariants")
    void ignoresSpacesTabsAndNewlinesAroundTokens(String text, String canonical) {
        assertThat(LabelSelector.parse(text)).hasToString(canonical);
    }

    static Stream<Arguments> prefixedKeys() {
        return Stream.of(
                arguments(
                        "app.kubernetes.io/name=web",
                        "app.kubernetes.io/name=web",
                        List.of(requirement("app.kubernetes.io/name", EQUALS, "web"))),
                arguments(
                        "example.com/team in (b,a)",
                        "example.com/team in (a,b)",
                        List.of(requirement("example.com/team", IN, "a", "b"))),
                arguments(
                        "!example.com/canary",
                        "!example.com/canary",
                        List.of(requirement("example.com/canary", DOES_NOT_EXIST))),
                arguments(
                        "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
                        "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
                        List.of(requirement("0.1.2.domain/99", NOT_IN, "10.10.100.1", "tick.tack.clock"))),
                arguments(
                        PREFIX_253 + "/" + NAME_63,
                        PREFIX_253 + "/" + NAME_63,
                        List.of(requirement(PREFIX_253 + "/" + NAME_63, EXISTS))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("prefixedKeys")
    void acceptsDnsSubdomainPrefixedKeys(String text, String canonical, List<Requirement> requirements) {
        assertParsed(text, canonical, requirements);
    }

    static Stream<Arguments> emptyValues() {
        return Stream.of(
                arguments("tier=", "tier=", List.of(requirement("tier", EQUALS, ""))),
                arguments("tier==", "tier=", List.of(requirement("tier", EQUALS, ""))),
                arguments("tier!=", "tier!=", List.of(requirement("tier", NOT_EQUALS, ""))),
                arguments(
                        "tier= ,app",
                        "app,tier=",
                        List.of(requirement("app", EXISTS), requirement("tier", EQUALS, ""))),
                arguments("tier in (web,)", "tier in (,web)", List.of(requirement("tier", IN, "", "web"))),
                arguments("tier in (,web)", "tier in (,web)", List.of(requirement("tier", IN, "", "web"))),
                arguments("tier notin (web,,)", "tier notin (,web)", List.of(requirement("tier", NOT_IN, "", "web"))),
                arguments("tier in (,)", "tier in ()", List.of(requirement("tier", IN, ""))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("emptyValues")
    void acceptsEmptyValues(String text, String canonical, List<Requirement> requirements) {
        assertParsed(text, canonical, requirements);
    }

    /** Kubernetes' parser reads "()" as the set holding only the empty value, not as an empty set. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tier in ()", "tier in ( )", "tier in\t(\n)"})
    void emptyParenthesesHoldTheEmptyValueAsInKubernetes(String text) {
        assertParsed(text, "tier in ()", List.of(requirement("tier", IN, "")));
    }

    static Stream<Arguments> normalisedForms() {
        return Stream.of(
                arguments("z,a=1,m in (x)", "a=1,m in (x),z"),
                arguments("x in (b,a,b,a)", "x in (a,b)"),
                arguments("x in (a,,a,,a,,a,,)", "x in (,a)"),
                arguments("app,app", "app,app"),
                arguments("x=a,x!=b", "x=a,x!=b"),
                arguments("x!=b,x=a", "x!=b,x=a"),
                arguments("app in (api,web),!canary", "app in (api,web),!canary"),
                arguments("!canary,app in (web,api)", "app in (api,web),!canary"),
                arguments("version=v1.2.3_rc-1,App=Web", "App=Web,version=v1.2.3_rc-1"),
                arguments("key=" + VALUE_63, "key=" + VALUE_63),
                arguments(NAME_63, NAME_63),
                arguments("replicas>007", "replicas>007"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("normalisedForms")
    void sortsRequirementsByKeyAndValuesAlphabeticallyKeepingDuplicateKeysInOrder(String text, String canonical) {
        assertThat(LabelSelector.parse(text)).hasToString(canonical);
    }

    static Stream<Arguments> keywordsAsKeysAndValues() {
        return Stream.of(
                arguments("in in (in,notin)", requirement("in", IN, "in", "notin")),
                arguments("notin notin (in)", requirement("notin", NOT_IN, "in")),
                arguments("notin=in", requirement("notin", EQUALS, "in")),
                arguments("in!=notin", requirement("in", NOT_EQUALS, "notin")),
                arguments("!in", requirement("in", DOES_NOT_EXIST)),
                arguments("in", requirement("in", EXISTS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keywordsAsKeysAndValues")
    void readsInAndNotinAsKeysOrValuesWhereNoOperatorIsExpected(String text, Requirement expected) {
        assertThat(LabelSelector.parse(text).requirements()).containsExactly(expected);
    }

    static Stream<String> validSelectors() {
        return Stream.of(everyOperator(), whitespaceVariants(), prefixedKeys(), emptyValues(), normalisedForms())
                .flatMap(arguments -> arguments)
                .map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSelectors")
    void canonicalFormParsesBackToAnEqualSelector(String text) {
        LabelSelector selector = LabelSelector.parse(text);

        LabelSelector reparsed = LabelSelector.parse(selector.toString());

        assertThat(reparsed).isEqualTo(selector).hasSameHashCodeAs(selector).hasToString(selector.toString());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\r\n", "  \n "})
    void nullOrBlankIsTheEmptySelector(String text) {
        LabelSelector selector = LabelSelector.parse(text);

        assertThat(selector.isEmpty()).isTrue();
        assertThat(selector.requirements()).isEmpty();
        assertThat(selector).hasToString("").isEqualTo(LabelSelector.parse(""));
    }

    @Test
    void selectorWithRequirementsIsNotEmpty() {
        assertThat(LabelSelector.parse("app").isEmpty()).isFalse();
    }

    @Test
    void selectorsWithTheSameRequirementsAreEqualHoweverWritten() {
        LabelSelector selector = LabelSelector.parse("tier==web, app in (b,a)");

        assertThat(selector)
                .isEqualTo(LabelSelector.parse("app in (a,b,a),tier=web"))
                .hasSameHashCodeAs(LabelSelector.parse("app in (a,b,a),tier=web"))
                .isNotEqualTo(LabelSelector.parse("app in (a,b),tier!=web"))
                .isNotEqualTo("app in (a,b),tier=web");
    }

    @Test
    void requirementsCannotBeModified() {
        List<Requirement> requirements = LabelSelector.parse("app,tier").requirements();

        assertThatThrownBy(requirements::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    private static void assertParsed(String text, String canonical, List<Requirement> requirements) {
        LabelSelector selector = LabelSelector.parse(text);

        assertThat(selector.requirements()).containsExactlyElementsOf(requirements);
        assertThat(selector).hasToString(canonical);
    }

    private static Requirement requirement(String key, Operator operator, String... values) {
        return new Requirement(key, operator, List.of(values));
    }
}
