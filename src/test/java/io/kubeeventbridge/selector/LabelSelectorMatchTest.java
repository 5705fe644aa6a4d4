package io.kubeeventbridge.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorMatchTest {

    private static final String MATCH_CASE = "{0} on {1} -> {2}";

    private static final Map<String, String> NO_LABELS = Map.of();
    private static final Map<String, String> WEB = Map.of("app", "web");
    private static final Map<String, String> API = Map.of("app", "api");
    private static final Map<String, String> EMPTY_APP = Map.of("app", "");
    private static final Map<String, String> OTHER_KEY = Map.of("tier", "web");

    static Stream<Arguments> equalsNeedsTheKeyWithThatValue() {
        return Stream.of(
                arguments("app=web", WEB, true),
                arguments("app==web", WEB, true),
                arguments("app=web", API, false),
                arguments("app=web", EMPTY_APP, false),
                arguments("app=web", OTHER_KEY, false),
                arguments("app=web", NO_LABELS, false),
                arguments("app=", EMPTY_APP, true),
                arguments("app=", WEB, false),
                arguments("app=", NO_LABELS, false),
                arguments("app=Web", WEB, false));
    }

    static Stream<Arguments> notEqualsMatchesAnyOtherValueOrAnAbsentKey() {
        return Stream.of(
                arguments("app!=web", WEB, false),
                arguments("app!=web", API, true),
                arguments("app!=web", EMPTY_APP, true),
                arguments("app!=web", OTHER_KEY, true),
                arguments("app!=web", NO_LABELS, true),
                arguments("app!=", EMPTY_APP, false),
                arguments("app!=", WEB, true),
                arguments("app!=", NO_LABELS, true));
    }

    static Stream<Arguments> inNeedsTheKeyWithAListedValue() {
        return Stream.of(
                arguments("app in (api,web)", WEB, true),
                arguments("app in (api,web)", API, true),
                arguments("app in (api,web)", Map.of("app", "db"), false),
                arguments("app in (api,web)", EMPTY_APP, false),
                arguments("app in (api,web)", OTHER_KEY, false),
                arguments("app in (api,web)", NO_LABELS, false),
                arguments("app in (web,)", EMPTY_APP, true),
                arguments("app in ()", EMPTY_APP, true),
                arguments("app in ()", NO_LABELS, false));
    }

    static Stream<Arguments> notInMatchesWhenKeyAbsentOrValueUnlisted() {
        return Stream.of(
                arguments("app notin (api,web)", WEB, false),
                arguments("app notin (api,web)", API, false),
                arguments("app notin (api,web)", Map.of("app", "db"), true),
                arguments("app notin (api,web)", EMPTY_APP, true),
                arguments("app notin (api,web)", OTHER_KEY, true),
                arguments("app notin (api,web)", NO_LABELS, true),
                arguments("app notin ()", EMPTY_APP, false),
                arguments("app notin ()", WEB, true));
    }

    static Stream<Arguments> existsNeedsTheKeyWithAnyValue() {
        return Stream.of(
                arguments("app", WEB, true),
                arguments("app", EMPTY_APP, true),
                arguments("app", OTHER_KEY, false),
                arguments("app", NO_LABELS, false));
    }

    static Stream<Arguments> doesNotExistNeedsTheKeyAbsent() {
        return Stream.of(
                arguments("!app", WEB, false),
                arguments("!app", EMPTY_APP, false),
                arguments("!app", OTHER_KEY, true),
                arguments("!app", NO_LABELS, true));
    }

    static Stream<Arguments> greaterAndLessThanCompareIntegerValues() {
        return Stream.of(
                arguments("replicas>2", Map.of("replicas", "3"), true),
                arguments("replicas>2", Map.of("replicas", "2"), false),
                arguments("replicas>2", Map.of("replicas", "10"), true),
                arguments("replicas>2", Map.of("replicas", "003"), true),
                arguments("replicas<2", Map.of("replicas", "1"), true),
                arguments("replicas<2", Map.of("replicas", "2"), false),
                arguments("replicas<2", Map.of("replicas", "-5"), true),
                arguments("replicas>2", Map.of("replicas", "+5"), true),
                arguments("replicas>2", Map.of("replicas", "three"), false),
                arguments("replicas<2", Map.of("replicas", "three"), false),
                arguments("replicas<2", Map.of("replicas", ""), false),
                arguments("replicas<2", Map.of("replicas", "1.5"), false),
                arguments("replicas<2", Map.of("replicas", "\u0661"), false),
                arguments("replicas>2", Map.of("replicas", "99999999999999999999"), false),
                arguments("replicas>2", NO_LABELS, false),
                arguments("replicas<2", NO_LABELS, false));
    }

    static Stream<Arguments> requirementsMustAllMatch() {
        Map<String, String> labels = Map.of("app", "web", "tier", "frontend", "release", "stable");
        return Stream.of(
                arguments("app=web,tier=frontend", labels, true),
                arguments("app=web,tier=backend", labels, false),
                arguments("app in (web,api),tier,!canary", labels, true),
                arguments("app in (web,api),tier,!release", labels, false),
                arguments("app=web,app!=web", labels, false),
                arguments("", labels, true),
                arguments("", NO_LABELS, true));
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void equalsNeedsTheKeyWithThatValue(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void notEqualsMatchesAnyOtherValueOrAnAbsentKey(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void inNeedsTheKeyWithAListedValue(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void notInMatchesWhenKeyAbsentOrValueUnlisted(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void existsNeedsTheKeyWithAnyValue(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void doesNotExistNeedsTheKeyAbsent(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void greaterAndLessThanCompareIntegerValues(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    @ParameterizedTest(name = MATCH_CASE)
    @MethodSource
    void requirementsMustAllMatch(String selector, Map<String, String> labels, boolean matches) {
        assertMatch(selector, labels, matches);
    }

    static Stream<Arguments> nullLabelsMeanNone() {
        return Stream.of(
                arguments("", true),
                arguments("app", false),
                arguments("!app", true),
                arguments("app=web", false),
                arguments("app!=web", true),
                arguments("app in (web)", false),
                arguments("app notin (web)", true),
                arguments("replicas>1", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void nullLabelsMeanNone(String selector, boolean matches) {
        assertThat(LabelSelector.parse(selector).matches(null)).isEqualTo(matches);
    }

    @Test
    void nullLabelValueCountsAsPresentButUnequalToEveryValue() {
        Map<String, String> labels = new HashMap<>();
        labels.put("app", null);

        assertThat(LabelSelector.parse("app").matches(labels)).isTrue();
        assertThat(LabelSelector.parse("app=web").matches(labels)).isFalse();
        assertThat(LabelSelector.parse("app notin (web)").matches(labels)).isTrue();
        assertThat(LabelSelector.parse("app>1").matches(labels)).isFalse();
    }

    private static void assertMatch(String selector, Map<String, String> labels, boolean matches) {
        assertThat(LabelSelector.parse(selector).matches(labels)).isEqualTo(matches);
    }
}
