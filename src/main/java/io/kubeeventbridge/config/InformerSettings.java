package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How informers are run.
 *
 * @param missingResource what to do when a configured resource does not exist on the API server (typically a CRD
 *     not installed yet): {@code wait} starts anyway, reports it in health and keeps looking; {@code fail} stops
 *     startup
 * @param discoveryRetryInterval how often a missing resource is looked up again under the {@code wait} policy
 * @param discoveryTimeout how long startup waits for discovery to answer: past it, under {@code wait}, the bridge
 *     starts with what resolved and looks up the rest in the background; under {@code fail}, startup stops
 * @param resyncPeriod period of informer resyncs; {@code 0} (the default) disables them. Resyncs never publish
 *     events, since the resourceVersion does not change
 */
public record InformerSettings(
        @DefaultValue("wait") @NotNull MissingResourcePolicy missingResource,
        @DefaultValue("5s") @NotNull Duration discoveryRetryInterval,
        @DefaultValue("30s") @NotNull Duration discoveryTimeout,
        @DefaultValue("0s") @NotNull Duration resyncPeriod) {

    /** What to do about a configured resource the API server does not serve. */
    public enum MissingResourcePolicy {
        WAIT,
        FAIL
    }
}
