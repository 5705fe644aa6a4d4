package io.kubeeventbridge.config;

import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports keys under {@code bridge.} that no property binds (a typo would otherwise be dropped without a word and
 * its setting silently left at the default), each with the known key it most likely meant.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class UnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    private static final String PREFIX = "bridge";
    private static final KnownProperties KNOWN = KnownProperties.of(PREFIX, BridgeProperties.class);

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        if (cause.getUnboundProperties().stream()
                .noneMatch(property -> property.getName().toString().startsWith(PREFIX + "."))) {
            return null;
        }
        String problems = cause.getUnboundProperties().stream()
                .map(UnknownPropertyFailureAnalyzer::describe)
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The kube-event-bridge configuration has properties it does not know:\n\n" + problems,
                "Correct or remove the properties above (in application.yaml, the Helm values, or wherever they are "
                        + "set) and start again. application.yaml at the repository root documents every property.",
                cause);
    }

    private static String describe(ConfigurationProperty property) {
        String name = property.getName().toString();
        String origin = property.getOrigin() == null ? "" : " (from " + property.getOrigin() + ")";
        String hint = KNOWN.closestTo(name)
                .map(known -> "did you mean " + known + "?")
                .orElse("no such property; see application.yaml for the ones there are");
        return "    Property: " + name + origin + "\n    Reason: unknown; " + hint + "\n";
    }
}
