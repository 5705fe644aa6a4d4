package io.kubeeventbridge.discovery;

/**
 * Discovery did not answer: the API server was unreachable, failed, or was too slow. Worth trying again, unlike a
 * {@link DiscoveryAccessException}.
 */
public final class DiscoveryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the request and what became of it, naming the API server */
    public DiscoveryUnavailableException(String message) {
        super(message);
    }
}
