package io.kubeeventbridge.publish;

import java.time.Instant;

/** What health needs to know about the writes of checkpoints outside transactions. */
public interface CheckpointWriteState {

    /** When checkpoint writes started failing without one written since, or {@code null} while Kafka takes them. */
    Instant failingSince();

    /** The most recent write failure, or {@code null}. */
    String lastError();
}
