package io.kubeeventbridge.informer;

/**
 * A snapshot of one informer's state, for health.
 *
 * @param target what the informer watches
 * @param synced whether its first full list has completed
 * @param running whether it is running; an informer stops for good only when told to or on an unrecoverable error
 * @param watching whether its watch is open right now (reconnects make this false briefly; that is normal)
 * @param objects how many objects its cache holds
 * @param lastError the most recent list or watch error, or {@code null}
 */
public record InformerStatus(
        InformerTarget target, boolean synced, boolean running, boolean watching, int objects, String lastError) {}
