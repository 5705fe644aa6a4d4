package io.kubeeventbridge.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * The order in which the pipeline starts and stops, as the {@link SmartLifecycle} phases of its parts. Spring starts
 * lower phases first and stops them last:
 *
 * <ol>
 *   <li>{@link #PUBLISHING}: the leader election, which begins a publishing term when this replica leads (at once,
 *       without election) and, on shutdown, finishes it: the queue drained, the last checkpoints written, the lease
 *       released. It stops after the informers, so nothing they handed over is dropped, and before the Kafka
 *       producer factory (phase {@link Integer#MIN_VALUE}) closes.
 *   <li>{@link #INFORMERS}: the informers and their change handlers, on every replica, leading or not.
 * </ol>
 */
public final class LifecyclePhases {

    public static final int PUBLISHING = 0;

    /** After the web server, as any lifecycle bean of the default phase. */
    public static final int INFORMERS = SmartLifecycle.DEFAULT_PHASE;

    private LifecyclePhases() {}
}
