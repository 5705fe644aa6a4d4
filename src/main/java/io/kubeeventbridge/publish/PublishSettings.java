package io.kubeeventbridge.publish;

import java.time.Duration;

/**
 * How the publisher sends, from {@code bridge.kafka}.
 *
 * @param tombstones whether a null-value record follows each delete
 * @param drainTimeout how long a shutdown waits for queued events
 * @param transactionInterval how long a transaction collects events before it commits
 */
record PublishSettings(boolean tombstones, Duration drainTimeout, Duration transactionInterval) {}
