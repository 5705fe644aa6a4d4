package io.kubeeventbridge.publish;

/**
 * The last state of an object that Kafka acknowledged, as recorded in the checkpoint topic.
 *
 * @param uid the object's uid
 * @param resourceVersion its resourceVersion at that state
 */
public record Checkpoint(String uid, String resourceVersion) {

    /** {@code uid/resourceVersion}: neither contains a slash. */
    String encode() {
        return uid + "/" + resourceVersion;
    }

    static Checkpoint decode(String value) {
        int slash = value.lastIndexOf('/');
        return new Checkpoint(value.substring(0, slash), value.substring(slash + 1));
    }
}
