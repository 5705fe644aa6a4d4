package io.kubeeventbridge.config;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports invalid {@code bridge.*} properties by the names people write in application.yaml
 * ({@code bridge.resources[0].label-selector}); Spring Boot's own analysis prints record components in camel case.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

    private static final String PREFIX = "bridge";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        if (!cause.getValidationErrors().getName().toString().equals(PREFIX)) {
            return null;
        }
        String problems = StreamSupport.stream(cause.getValidationErrors().spliterator(), false)
                .map(InvalidConfigurationFailureAnalyzer::describe)
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The kube-event-bridge configuration is invalid:\n\n" + problems,
                "Correct the properties above (in application.yaml, the Helm values, or wherever they are set) and "
                        + "start again. application.yaml at the repository root documents every property.",
                cause);
    }

    private static String describe(ObjectError error) {
        if (!(error instanceof FieldError field)) {
            return "    " + PREFIX + ": " + error.getDefaultMessage();
        }
        String property = PREFIX + "." + DataObjectPropertyName.toDashedForm(field.getField());
        String value = field.getRejectedValue() instanceof String text ? " = \"" + text + "\"" : "";
        return "    Property: " + property + value + "\n    Reason: " + field.getDefaultMessage() + "\n";
    }
}
