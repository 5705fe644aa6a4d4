package io.kubeeventbridge.leadership;

/**
 * What starts and stops with leadership: publishing, as one unit. Called one at a time, in order, on a thread of the
 * election's own that is not its renew loop; implementations may take their time, but a leader that is slow to stop
 * is fenced anyway by whoever leads next.
 */
public interface LeadershipListener {

    /** This replica now leads: start publishing. */
    void startLeading();

    /** This replica no longer leads (lease lost, renewal failed, or fenced by a newer leader): stop at once. */
    void stopLeading();

    /** This replica stops while it leads (shutdown): finish what is under way, then stop; the lease is released after. */
    void finishLeading();
}
