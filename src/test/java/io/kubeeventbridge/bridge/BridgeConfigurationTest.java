package io.kubeeventbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.predicate.ChangePredicate;
import org.junit.jupiter.api.Test;

class BridgeConfigurationTest {

    @Test
    void anEntryPublishesTheOperationsItListsAndComparesUpdatesWhereItIgnoresChanges() {
        ChangePredicate predicate = BridgeConfiguration.predicate(
                TestProperties.entry(
                        "api-version=v1", "resource=pods", "operations=created,deleted", "ignore-changes=/status"),
                false);

        assertThat(Operation.values())
                .filteredOn(predicate::publishes)
                .containsExactly(Operation.CREATED, Operation.DELETED);
        assertThat(predicate.comparesUpdates()).isTrue();
    }

    @Test
    void anEntryWithoutPredicatesPublishesEveryResourceVersionUnlessChangedPathsAreAskedFor() {
        var entry = TestProperties.entry("api-version=v1", "resource=pods");

        assertThat(Operation.values()).allMatch(BridgeConfiguration.predicate(entry, false)::publishes);
        assertThat(BridgeConfiguration.predicate(entry, false).comparesUpdates())
                .isFalse();
        assertThat(BridgeConfiguration.predicate(entry, true).comparesUpdates()).isTrue();
    }
}
