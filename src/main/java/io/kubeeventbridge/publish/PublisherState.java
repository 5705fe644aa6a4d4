package io.kubeeventbridge.publish;

import java.time.Instant;

/** What health needs to know about the publisher. */
public interface PublisherState {

    /** Events waiting for Kafka or in flight. */
    int queuedEvents();

    /** When sends started failing without a success since, or {@code null} while Kafka takes events. */
    Instant failingSince();

    /** The most recent send failure, or {@code null}. */
    String lastError();
}
