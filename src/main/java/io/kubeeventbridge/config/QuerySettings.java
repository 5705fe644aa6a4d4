package io.kubeeventbridge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the read-only query API under {@code /k8s} is protected, and how its watches are bounded.
 *
 * @param auth {@code none} serves every request; {@code kubernetes} requires a bearer token that the API server
 *     accepts (TokenReview) and that may get or list the resource in that namespace (SubjectAccessReview)
 * @param decisionCacheTtl how long an authentication or authorization decision is reused; revoked access takes
 *     effect within this time
 * @param decisionCacheSize at most this many decisions are kept; beyond it the oldest are forgotten
 * @param reviewRateLimit at most this many TokenReviews per second for one client address; decisions answered from
 *     the cache do not count. Beyond it the client gets 429 TooManyRequests
 * @param watchWindow the recent changes of each resource kept for watches to resume from
 * @param maxWatches at most this many watches at once, across all resources; beyond it 429 TooManyRequests
 * @param watchBookmarkInterval how often a watch that allows bookmarks gets one, naming the resourceVersion it has
 *     reached
 * @param watchTimeout a watch without {@code timeoutSeconds} ends after a random time between this and twice this,
 *     so that clients reconnect at different times and spread over the replicas
 */
public record QuerySettings(
        @DefaultValue("none") @NotNull Auth auth,
        @DefaultValue("10s") @NotNull Duration decisionCacheTtl,
        @DefaultValue("10000") @Positive int decisionCacheSize,
        @DefaultValue("10") @Positive int reviewRateLimit,
        @DefaultValue @Valid @NotNull WatchWindow watchWindow,
        @DefaultValue("1000") @Positive int maxWatches,
        @DefaultValue("60s") @NotNull Duration watchBookmarkInterval,
        @DefaultValue("30m") @NotNull Duration watchTimeout) {

    /** Who may read the caches. */
    public enum Auth {
        NONE,
        KUBERNETES
    }
}
