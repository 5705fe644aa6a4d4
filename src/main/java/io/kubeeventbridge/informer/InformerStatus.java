package io.kubeeventbridge.informer;

/**
 * A snapshot of one informer's state, for health.
 *
 * @param target what the informer watches
 * @param synced whether its first full list has completed
 * @param running whether it is running; a watch that reconnects keeps running
 * @param stoppedForGood whether it stopped without the bridge stopping it (fabric8 gave up on it, or its client was
 *     closed): it will not recover
 * @param objects how many objects its cache holds
 * @param lastError the most recent list or watch failure since the last completed list, or {@code null}
 */
public record InformerStatus(
        InformerTarget target,
        boolean synced,
        boolean running,
        boolean stoppedForGood,
        int objects,
        InformerError lastError) {}
