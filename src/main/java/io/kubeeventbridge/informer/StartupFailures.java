package io.kubeeventbridge.informer;

import io.kubeeventbridge.discovery.Timeouts;
import java.util.List;

/** The reasons the watch coordinator stops startup, each with what to do about it. */
final class StartupFailures {

    private StartupFailures() {}

    /** @param unresolved each entry discovery did not resolve in time, described */
    static UnwatchableResourcesException unanswered(
            String server, DiscoveryDeadline deadline, List<String> unresolved) {
        return new UnwatchableResourcesException(
                "Discovery did not finish within bridge.informer.discovery-timeout ("
                        + Timeouts.describe(deadline.timeout())
                        + "), and bridge.informer.missing-resource is 'fail'. The API server at " + server
                        + " last answered: " + deadline.lastError(),
                unresolved.stream().map(entry -> entry + " was not resolved").toList(),
                "Check that the API server at " + server + " is reachable from the bridge (its address, network "
                        + "policies, proxies) and healthy; raise bridge.informer.discovery-timeout; or set "
                        + "bridge.informer.missing-resource=wait to start with what resolved and look up the rest in "
                        + "the background.");
    }

    /** @param missing each entry the API server does not serve, described with its problem */
    static UnwatchableResourcesException missing(List<String> missing) {
        return new UnwatchableResourcesException(
                "The API server does not serve every configured resource, and "
                        + "bridge.informer.missing-resource is 'fail'",
                missing,
                "Install the missing CustomResourceDefinitions, correct api-version, resource or kind of those "
                        + "entries, or set bridge.informer.missing-resource=wait to start anyway and watch each "
                        + "resource once it appears.");
    }

    /** @param rejected each entry that cannot be watched as written, described with its problem */
    static UnwatchableResourcesException rejected(List<String> rejected) {
        return new UnwatchableResourcesException(
                "Some entries cannot be watched as written",
                rejected,
                "Keep one entry per resource, listing every namespace to watch under its namespaces, and give "
                        + "each entry either resource or kind, or both of the same type.");
    }
}
