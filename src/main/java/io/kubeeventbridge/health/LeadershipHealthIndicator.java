package io.kubeeventbridge.health;

import io.kubeeventbridge.leadership.LeadershipStatus;
import java.util.Locale;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * This replica's part in the election: {@code leader} or {@code standby}, who holds the lease, and since when. UP in
 * both roles, since a standby is working as intended; DOWN only when the replica cannot take part (such as a missing
 * permission on Leases), which leaves it a ready standby. In no probe group: leadership is no reason to restart a
 * replica or take it out of rotation.
 */
final class LeadershipHealthIndicator extends AbstractHealthIndicator {

    private final LeadershipStatus leadership;

    LeadershipHealthIndicator(LeadershipStatus leadership) {
        super("Leadership health check failed");
        this.leadership = leadership;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        LeadershipStatus.View view = leadership.view();
        builder.withDetail("role", view.role().name().toLowerCase(Locale.ROOT))
                .withDetail("identity", leadership.identity())
                .withDetail("since", view.since().toString());
        if (view.holder() != null) {
            builder.withDetail("holder", view.holder());
        }
        if (view.problem() == null) {
            builder.up();
        } else {
            builder.down().withDetail("problem", view.problem());
        }
    }
}
