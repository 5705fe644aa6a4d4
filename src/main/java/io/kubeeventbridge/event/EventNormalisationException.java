package io.kubeeventbridge.event;

/**
 * A watched object that cannot be turned into an event. The message names the operation, the resource type and
 * the object (namespace/name, uid, resourceVersion, as far as known), so callers can log it as it is.
 */
public final class EventNormalisationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EventNormalisationException(String message, Throwable cause) {
        super(message, cause);
    }
}
