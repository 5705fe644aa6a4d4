package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are laid out on Kafka.
 *
 * @param topicTemplate topic name per resource type; placeholders {@code {group}} ({@code core} for the core group),
 *     {@code {version}}, {@code {kind}} (lower case) and {@code {resource}} (the plural)
 * @param contentMode CloudEvents Kafka binding: {@code binary} (attributes in headers, object as value) or
 *     {@code structured} (one JSON envelope as value)
 * @param tombstones whether a record with a null value follows each delete event, so that compacted topics forget
 *     deleted objects
 * @param drainTimeout how long shutdown waits for Kafka to acknowledge the events still queued
 * @param checkpointTopic the compacted topic recording the last acknowledged state of every object, read on start
 *     so that a restart publishes only what changed; {@code {cluster}} stands for the cluster name
 * @param unhealthyAfter how long sends, or checkpoint writes, may keep failing before the publisher reports DOWN in
 *     health (outside the readiness group: an unreachable Kafka does not take the bridge out of rotation, its queue
 *     holds the changes)
 * @param transactional publish each event with its checkpoint in Kafka transactions, fencing any earlier leader;
 *     default: on exactly when leader election is
 * @param transactionInterval with transactions, how long a transaction collects events before it commits
 * @param changedPaths whether {@code updated} events name the JSON pointers of what changed in the extension
 *     {@code changedpaths}, for consumers and brokers that route on attributes
 */
public record KafkaSettings(
        @DefaultValue(TopicTemplate.DEFAULT) @NotNull String topicTemplate,
        @DefaultValue("binary") @NotNull ContentMode contentMode,
        @DefaultValue("true") boolean tombstones,
        @DefaultValue("20s") @NotNull Duration drainTimeout,

        @DefaultValue("kube-event-bridge.{cluster}.checkpoints") @NotNull
        String checkpointTopic,

        @DefaultValue("1m") @NotNull Duration unhealthyAfter,
        Boolean transactional,
        @DefaultValue("100ms") @NotNull Duration transactionInterval,
        @DefaultValue("false") boolean changedPaths) {

    /** Whether events are published in transactions, given whether leader election is on. */
    public boolean transactional(boolean leaderElection) {
        return transactional != null ? transactional : leaderElection;
    }

    /** The two content modes of the CloudEvents Kafka protocol binding. */
    public enum ContentMode {
        BINARY,
        STRUCTURED
    }
}
