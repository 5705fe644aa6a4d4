package io.kubeeventbridge.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import io.kubeeventbridge.leadership.LeadershipStatus;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Lock} that makes fabric8's {@code LeaderElector} judge expiry the way client-go does: by when this replica
 * saw the record change, on its own clock. fabric8 compares the record's {@code renewTime}, written by the holder's
 * clock, with the local one, so a holder whose clock runs ahead, or a dead holder that left {@code renewTime} in the
 * future, would keep the lease from everyone for as long as the skew. This lock reports, as {@code renewTime}, the
 * local time at which it first saw the current record, so the lease is taken over within {@code lease-duration}
 * plus a retry period of the last change anyone saw.
 *
 * <p>It also reports failures: a 403 shows in {@link LeadershipStatus#problem} naming the verb the service account
 * lacks, and every failure is logged at most once a minute, where fabric8 would log each retry.
 */
final class LocallyTimedLock implements Lock {

    private static final Logger log = LoggerFactory.getLogger(LocallyTimedLock.class);
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final Lock lease;
    private final String namespace;
    private final LeadershipStatus status;
    private final Clock clock;
    private LeaderElectionRecord lastSeen;
    private ZonedDateTime lastSeenAt;
    private Instant lastLogged;

    LocallyTimedLock(Lock lease, String namespace, LeadershipStatus status, Clock clock) {
        this.lease = lease;
        this.namespace = namespace;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public synchronized LeaderElectionRecord get(KubernetesClient client) {
        LeaderElectionRecord record = call("get", () -> lease.get(client));
        if (record == null) {
            return null;
        }
        if (!Objects.equals(record, lastSeen)) {
            lastSeen = record;
            lastSeenAt = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        return record.toBuilder().renewTime(lastSeenAt).build();
    }

    @Override
    public synchronized void create(KubernetesClient client, LeaderElectionRecord record) {
        call("create", () -> {
            lease.create(client, record);
            return null;
        });
    }

    @Override
    public synchronized void update(KubernetesClient client, LeaderElectionRecord record) {
        call("update", () -> {
            lease.update(client, record);
            return null;
        });
    }

    @Override
    public String identity() {
        return lease.identity();
    }

    @Override
    public String describe() {
        return lease.describe();
    }

    private <T> T call(String verb, Supplier<T> request) {
        try {
            T result = request.get();
            status.problem(null);
            return result;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
                status.problem("forbidden: the service account may not " + verb + " leases in namespace " + namespace);
            }
            logAtMostOnceAMinute(verb, e);
            throw e;
        }
    }

    private void logAtMostOnceAMinute(String verb, KubernetesClientException e) {
        Instant now = clock.instant();
        if (lastLogged == null || !now.isBefore(lastLogged.plus(LOG_INTERVAL))) {
            lastLogged = now;
            log.warn(
                    "Leader election cannot {} the lease {}{}: {} (retrying; logged once a minute)",
                    verb,
                    describe(),
                    e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "",
                    e.getMessage());
        }
    }
}
