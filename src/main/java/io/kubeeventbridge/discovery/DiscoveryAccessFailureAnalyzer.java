package io.kubeeventbridge.discovery;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup stopped because the API server refused discovery, naming who was refused and what to grant. */
final class DiscoveryAccessFailureAnalyzer extends AbstractFailureAnalyzer<DiscoveryAccessException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DiscoveryAccessException cause) {
        if (cause.code() == 401) {
            return new FailureAnalysis(
                    "The API server at " + cause.server() + " does not accept the credentials of " + cause.credentials()
                            + " (401 Unauthorized on GET " + cause.path() + ").",
                    "Check that the service account exists and that its token is mounted and current (the Helm "
                            + "chart projects one), or that the kubeconfig's credentials are valid.",
                    cause);
        }
        return new FailureAnalysis(
                "The API server at " + cause.server() + " forbids " + cause.credentials() + " to read discovery "
                        + "(403 Forbidden on GET " + cause.path() + "): it lacks get on the non-resource URL "
                        + cause.path() + ".\n\n    " + cause.getMessage(),
                "Grant " + cause.credentials() + " get on the nonResourceURLs /api, /api/*, /apis and /apis/*. "
                        + "Kubernetes' system:discovery ClusterRole does, and is bound to every authenticated user "
                        + "by default: check that this binding has not been removed.",
                cause);
    }
}
