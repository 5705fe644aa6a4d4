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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequirementTest {

    static Stream<Arguments> kubernetesNotation() {
        return Stream.of(
                arguments("app", EQUALS, List.of("web"), "app=web"),
                arguments("app", NOT_EQUALS, List.of("web"), "app!=web"),
                arguments("app", IN, List.of("web", "api"), "app in (api,web)"),
                arguments("app", NOT_IN, List.of("web"), "app notin (web)"),
                arguments("app", IN, List.of(""), "app in ()"),
                arguments("app", EXISTS, List.of(), "app"),
                arguments("app", DOES_NOT_EXIST, List.of(), "!app"),
                arguments("replicas", GREATER_THAN, List.of("2"), "replicas>2"),
                arguments("replicas", LESS_THAN, List.of("2"), "replicas<2"),
                arguments("example.com/tier", EQUALS, List.of(""), "example.com/tier="));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource
    void kubernetesNotation(String key, Operator operator, List<String> values, String text) {
        Requirement requirement = new Requirement(key, operator, values);

        assertThat(requirement).hasToString(text);
        assertThat(LabelSelector.parse(text).requirements()).containsExactly(requirement);
    }

    @Test
    void valuesAreSortedWithoutDuplicatesAndUnmodifiable() {
        List<String> values = new ArrayList<>(List.of("web", "api", "web"));

        Requirement requirement = new Requirement("app", IN, values);
        values.clear();

        assertThat(requirement.values()).containsExactly("api", "web");
        assertThat(requirement).isEqualTo(new Requirement("app", IN, List.of("api", "web")));
        assertThatThrownBy(() -> requirement.values().add("db")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> invalidRequirements() {
        return Stream.of(
                arguments("app", IN, List.of(), "operator IN needs at least one value, got 0"),
                arguments("app", NOT_IN, List.of(), "operator NOT_IN needs at least one value, got 0"),
                arguments("app", EQUALS, List.of(), "operator EQUALS needs exactly one value, got 0"),
                arguments("app", NOT_EQUALS, List.of("a", "b"), "operator NOT_EQUALS needs exactly one value, got 2"),
                arguments("app", GREATER_THAN, List.of(), "operator GREATER_THAN needs exactly one value, got 0"),
                arguments("app", EXISTS, List.of("web"), "operator EXISTS takes no values, got 1"),
                arguments("app", DOES_NOT_EXIST, List.of("web"), "operator DOES_NOT_EXIST takes no values, got 1"),
                arguments(
                        "app_",
                        EXISTS,
                        List.of(),
                        "label key \"app_\" is invalid; a key must consist of alphanumeric characters, \"-\", \"_\""
                                + " or \".\", starting and ending with an alphanumeric character"),
                arguments("", EXISTS, List.of(), "label key \"\" is empty"),
                arguments(
                        "app",
                        EQUALS,
                        List.of("a b"),
                        "label value \"a b\" is invalid; a value must be empty or consist of alphanumeric characters,"
                                + " \"-\", \"_\" or \".\", starting and ending with an alphanumeric character"),
                arguments(
                        "replicas",
                        LESS_THAN,
                        List.of("two"),
                        "label value \"two\" is not an integer; \">\" and \"<\" compare label values as 64-bit"
                                + " integers"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("invalidRequirements")
    void rejectsWhatKubernetesRejects(String key, Operator operator, List<String> values, String message) {
        assertThatThrownBy(() -> new Requirement(key, operator, values))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> new Requirement(null, EXISTS, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Requirement("app", null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Requirement("app", IN, null)).isInstanceOf(NullPointerException.class);
    }
}
