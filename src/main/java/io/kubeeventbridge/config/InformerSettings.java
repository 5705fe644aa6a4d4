package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
 * @param listPageSize how many objects each list request asks for ({@code limit}, following {@code continue}), so
 *     that objects reach the cache and Kafka page by page and the memory a list takes is bounded by two pages (the
 *     next is read while one is stored); {@code 0} lists in one request, which the API server may answer from its
 *     watch cache, all objects held at once
 */
public record InformerSettings(
        @DefaultValue("wait") @NotNull MissingResourcePolicy missingResource,
        @DefaultValue("5s") @NotNull Duration discoveryRetryInterval,
        @DefaultValue("30s") @NotNull Duration discoveryTimeout,
        @DefaultValue("0s") @NotNull Duration resyncPeriod,

        @DefaultValue("1000")
        @PositiveOrZero(
                message = "must be a number of objects per list request, such as 1000, or 0 to list in one request")
        int listPageSize) {

    /** What to do about a configured resource the API server does not serve. */
    public enum MissingResourcePolicy {
        WAIT,
        FAIL
    }
}
