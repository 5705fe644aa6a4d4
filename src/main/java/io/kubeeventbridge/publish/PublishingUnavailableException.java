package io.kubeeventbridge.publish;

/** A term could not begin because Kafka could not be reached; nothing was sent. */
public final class PublishingUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PublishingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
