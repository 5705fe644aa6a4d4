package io.kubeeventbridge.discovery;

/** A configured entry whose resource and kind name different types: it cannot be watched as written. */
public final class ContradictoryEntryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ContradictoryEntryException(String message) {
        super(message);
    }
}
