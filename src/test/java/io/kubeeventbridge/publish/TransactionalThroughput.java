package io.kubeeventbridge.publish;

import io.kubeeventbridge.bench.Rounds;
import io.kubeeventbridge.bench.Rounds.Contender;

/**
 * What transactions cost the publish path: the bridge's path publishing each event with its checkpoint in Kafka
 * transactions (as with leader election) against the same path without them, in the same JVM, on the same broker,
 * with the same objects. The broker needs a transaction state log its single node can hold.
 */
public final class TransactionalThroughput {

    /** Medians over the measured rounds. */
    public record Result(double transactionalEventsPerSecond, double plainEventsPerSecond, int events) {}

    private TransactionalThroughput() {}

    public static Result measure(String bootstrapServers, int events, int rounds) throws InterruptedException {
        PublishWorkload workload = new PublishWorkload(events);
        PublishWorkload.createTopics(bootstrapServers, "");
        try (BridgePath transactional = BridgePath.transactional(bootstrapServers);
                BridgePath plain = BridgePath.plain(bootstrapServers)) {
            Rounds.Medians medians = Rounds.alternate(
                    "publish_transactional",
                    "events/s",
                    rounds,
                    new Contender("with transactions", () -> transactional.round(workload)),
                    new Contender("without", () -> plain.round(workload)));
            return new Result(medians.value(), medians.baseline(), events);
        }
    }
}
