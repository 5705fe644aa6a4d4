package io.kubeeventbridge.informer;

/** A watch asked for the changes since a resourceVersion older than what the feed still holds: list again. */
public final class ResourceVersionExpiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResourceVersionExpiredException(String message) {
        super(message, null, false, false);
    }
}
