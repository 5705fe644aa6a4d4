package io.kubeeventbridge.publish;

import java.util.OptionalLong;

/**
 * What was last published for an object, as recorded in the checkpoint topic.
 *
 * @param uid the object's uid
 * @param resourceVersion its resourceVersion at that state
 * @param fingerprint the fingerprint of what counts in that state, where its resource compares updates by content;
 *     empty where it does not (a new resourceVersion is a change there, so nothing but the resourceVersion is ever
 *     compared), and in checkpoints written before the bridge recorded fingerprints
 */
public record Checkpoint(String uid, String resourceVersion, OptionalLong fingerprint) {

    /** A checkpoint without fingerprint. */
    public Checkpoint(String uid, String resourceVersion) {
        this(uid, resourceVersion, OptionalLong.empty());
    }
}
