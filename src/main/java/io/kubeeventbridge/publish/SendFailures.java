package io.kubeeventbridge.publish;

/** How a failed send to Kafka is told apart and described, for events and checkpoints alike. */
final class SendFailures {

    private SendFailures() {}

    /**
     * The producer's own error: spring-kafka reports a send that failed at once as a {@code KafkaException} "Send
     * failed" around it, and one that failed later as the cause of the future's exception.
     */
    static Throwable cause(Throwable error) {
        return error.getCause() != null ? error.getCause() : error;
    }

    /** {@code TimeoutException: Topic t not present in metadata after 60000 ms.}, for logs and health. */
    static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
