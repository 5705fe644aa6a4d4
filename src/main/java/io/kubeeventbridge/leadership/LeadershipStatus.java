package io.kubeeventbridge.leadership;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this replica stands in the election, for health, metrics and the log: its role, who holds the lease, since
 * when, and what keeps it from taking part (such as a missing permission). Written by the election only.
 */
public final class LeadershipStatus {

    private static final Logger log = LoggerFactory.getLogger(LeadershipStatus.class);

    private final String identity;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile View view;

    public LeadershipStatus(String identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
        this.view = new View(Role.STANDBY, null, clock.instant(), null);
    }

    /** This replica's role. */
    public enum Role {
        LEADER,
        STANDBY
    }

    /**
     * @param role this replica's role
     * @param holder the lease holder's identity, or {@code null} while none is known
     * @param since when the role last changed
     * @param problem why this replica cannot take part in the election, or {@code null}
     */
    public record View(Role role, String holder, Instant since, String problem) {}

    public View view() {
        return view;
    }

    public String identity() {
        return identity;
    }

    /** How many times this replica's role has changed. */
    public long changes() {
        return changes.get();
    }

    /** Another replica, or this one, holds the lease now; logged once per change. */
    public synchronized void holder(String holder) {
        View current = view;
        if (!java.util.Objects.equals(current.holder(), holder)) {
            log.info("Leader changed from {} to {} (this replica is {})", current.holder(), holder, identity);
            view = new View(current.role(), holder, current.since(), current.problem());
        }
    }

    /** @return whether the role changed */
    public synchronized boolean role(Role role) {
        View current = view;
        if (current.role() == role) {
            return false;
        }
        changes.incrementAndGet();
        view = new View(role, role == Role.LEADER ? identity : current.holder(), clock.instant(), null);
        return true;
    }

    /** Records why this replica cannot take part, or clears it with {@code null}. */
    public synchronized void problem(String problem) {
        View current = view;
        view = new View(current.role(), current.holder(), current.since(), problem);
    }
}
