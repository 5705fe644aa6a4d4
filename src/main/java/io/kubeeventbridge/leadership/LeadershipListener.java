package io.kubeeventbridge.leadership;

/**
 * What starts and stops with leadership: publishing, as one unit. Called one at a time, in order, on a thread of the
 * election's own that is not its renew loop; implementations may take their time, but a leader that is slow to stop
 * is fenced anyway by whoever leads next.
 */
public interface LeadershipListener {

    /** This replica now leads: start publishing. */
    void startLeading();

    /** This replica no longer leads (lease lost or released, renewal failed, or shutdown): stop at once. */
    void stopLeading();
}
