package io.kubeeventbridge.bridge;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup stopped by missing resources without a stack trace. */
final class MissingResourcesFailureAnalyzer extends AbstractFailureAnalyzer<MissingResourcesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingResourcesException cause) {
        String entries = cause.missing().stream()
                .map(entry -> "    " + entry.describe() + " is " + WatchedEntry.NOT_SERVED)
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The API server does not serve every configured resource, and bridge.informer.missing-resource is "
                        + "'fail':\n" + entries,
                "Install the missing CustomResourceDefinitions, correct api-version, resource or kind of those "
                        + "entries, or set bridge.informer.missing-resource=wait to start anyway and watch each "
                        + "resource once it appears.",
                cause);
    }
}
