package io.kubeeventbridge.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * The order in which the pipeline starts and stops, as the {@link SmartLifecycle} phases of its parts. Spring starts
 * lower phases first and stops them last, so each part starts only once what it hands changes to is running, and
 * stops only after what feeds it has stopped:
 *
 * <ol>
 *   <li>{@link #CHECKPOINTS}: the checkpoint store reads the previous run's checkpoints before any change handler asks
 *       for them, and writes the last ones after the publisher has drained.
 *   <li>{@link #PUBLISHER}: the publisher takes events before the first informer delivers any, and drains its queue
 *       after the informers have stopped, so no change is dropped. Both it and the checkpoint store stop before the
 *       Kafka producer factory (phase {@link Integer#MIN_VALUE}) closes.
 *   <li>{@link #INFORMERS}: the informers and their change handlers, which compare their first list with the
 *       checkpoints and hand every change to the publisher.
 * </ol>
 *
 * <p>The phases below {@link #INFORMERS} are publishing: the part that leader election starts and stops as one unit,
 * while the informers keep running on every replica.
 */
public final class LifecyclePhases {

    public static final int CHECKPOINTS = -1;

    public static final int PUBLISHER = 0;

    /** After the web server, as any lifecycle bean of the default phase. */
    public static final int INFORMERS = SmartLifecycle.DEFAULT_PHASE;

    private LifecyclePhases() {}
}
