package io.kubeeventbridge.event;

import java.util.Locale;

/** What happened to an object, as named in the last segment of the CloudEvent type. */
public enum Operation {
    /** The object already existed when the bridge (re)started watching. */
    SNAPSHOT,
    /** The object appeared after the bridge started watching. */
    CREATED,
    UPDATED,
    DELETED;

    private final String typeSegment = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in event types and metric tags, e.g. {@code created}. */
    public String typeSegment() {
        return typeSegment;
    }
}
