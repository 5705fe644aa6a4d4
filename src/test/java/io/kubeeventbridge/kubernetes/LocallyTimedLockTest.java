package io.kubeeventbridge.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class LocallyTimedLockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedLock lease = new ScriptedLock();
    private final LeadershipStatus status = new LeadershipStatus("me", clock);
    private final LocallyTimedLock lock = new LocallyTimedLock(lease, "bridge", status, clock);

    @Test
    void aRenewTimeInTheFutureIsReportedAsWhenTheRecordWasFirstSeen() {
        lease.record = record("dead-holder", START.plus(Duration.ofHours(1)));

        assertThat(lock.get(null).getRenewTime()).isEqualTo(utc(START));
        clock.advance(Duration.ofSeconds(20));
        // Unchanged since: the lease counts as not renewed for 20 s, however far ahead its holder's clock was.
        assertThat(lock.get(null).getRenewTime()).isEqualTo(utc(START));
    }

    @Test
    void aChangedRecordCountsFromWhenTheChangeWasSeen() {
        lease.record = record("holder", START.minus(Duration.ofMinutes(5)));
        lock.get(null);
        clock.advance(Duration.ofSeconds(7));
        lease.record = record("holder", START.minus(Duration.ofMinutes(4)));

        assertThat(lock.get(null).getRenewTime()).isEqualTo(utc(START.plusSeconds(7)));
    }

    @Test
    void everythingButTheRenewTimeIsPassedOnAsRecorded() {
        lease.record = record("holder", START);

        LeaderElectionRecord seen = lock.get(null);

        assertThat(seen.getHolderIdentity()).isEqualTo("holder");
        assertThat(seen.getLeaderTransitions()).isEqualTo(3);
        assertThat(seen.getLeaseDuration()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aForbiddenCallIsAProblemNamingTheMissingVerbUntilACallSucceeds() {
        lease.failure = new KubernetesClientException("forbidden", 403, null);

        assertThatThrownBy(() -> lock.update(null, record("me", START))).isSameAs(lease.failure);
        assertThat(status.view().problem())
                .isEqualTo("forbidden: the service account may not update leases in namespace bridge");

        lease.failure = null;
        lock.get(null);
        assertThat(status.view().problem()).isNull();
    }

    @Test
    void aMissingLeaseIsNoRecord() {
        assertThat(lock.get(null)).isNull();
    }

    private static LeaderElectionRecord record(String holder, Instant renewTime) {
        return new LeaderElectionRecord(holder, Duration.ofSeconds(15), utc(START), utc(renewTime), 3);
    }

    private static ZonedDateTime utc(Instant instant) {
        return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static final class ScriptedLock implements Lock {

        LeaderElectionRecord record;
        KubernetesClientException failure;

        @Override
        public LeaderElectionRecord get(KubernetesClient client) {
            failIfScripted();
            return record;
        }

        @Override
        public void create(KubernetesClient client, LeaderElectionRecord created) {
            failIfScripted();
            record = created;
        }

        @Override
        public void update(KubernetesClient client, LeaderElectionRecord updated) {
            failIfScripted();
            record = updated;
        }

        @Override
        public String identity() {
            return "me";
        }

        @Override
        public String describe() {
            return "Lease: bridge - test";
        }

        private void failIfScripted() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
