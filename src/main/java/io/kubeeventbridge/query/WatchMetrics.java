package io.kubeeventbridge.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watches as an operator sees them: how many are open ({@code bridge_query_watches}), how each ended
 * ({@code bridge_query_watches_ended_total{resource, reason}}) and how many were refused for being one too many
 * ({@code bridge_query_watches_refused_total}). A watch cut off for falling behind is logged too: its client reads
 * more slowly than the resource changes, and lists again each time.
 */
final class WatchMetrics {

    private static final Logger log = LoggerFactory.getLogger(WatchMetrics.class);

    private final MeterRegistry meters;
    private final Counter refused;

    /** @param open the watches open now */
    WatchMetrics(MeterRegistry meters, IntSupplier open) {
        this.meters = meters;
        Gauge.builder("bridge.query.watches", open::getAsInt)
                .description("Watches of the query API open now")
                .register(meters);
        this.refused = Counter.builder("bridge.query.watches.refused")
                .description("Watches refused with 429 because bridge.query.max-watches were open")
                .register(meters);
    }

    void refused() {
        refused.increment();
    }

    /** Once {@code watcher}'s request has ended. */
    void ended(Watcher watcher) {
        Watcher.End why = watcher.endedBy();
        if (why == Watcher.End.FELL_BEHIND) {
            log.info(
                    "Ended a watch of {} with 410 Expired: it fell more than {} changes behind, its client reading more"
                            + " slowly than the resource changes",
                    watcher.resource(),
                    Watcher.BUFFER);
        }
        Counter.builder("bridge.query.watches.ended")
                .description("Watches of the query API that ended, by why: timed_out, stopped (the client went),"
                        + " fell_behind or feed_ended (both 410 Expired)")
                .tag("resource", watcher.resource())
                .tag("reason", why.name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
    }
}
