package io.kubeeventbridge.informer;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup stopped by entries that cannot be watched, without a stack trace. */
final class UnwatchableResourcesFailureAnalyzer extends AbstractFailureAnalyzer<UnwatchableResourcesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnwatchableResourcesException cause) {
        String problems =
                cause.problems().stream().map(problem -> "    " + problem).collect(Collectors.joining("\n"));
        return new FailureAnalysis(cause.summary() + ":\n\n" + problems, cause.action(), cause);
    }
}
