package io.kubeeventbridge.discovery;

/**
 * The API server refused the bridge's discovery requests (401 or 403): its credentials are not accepted, or may not
 * read discovery. Retrying does not help; at startup it is a configuration error ({@link
 * DiscoveryAccessFailureAnalyzer}).
 */
public final class DiscoveryAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String server;
    private final String path;
    private final int code;
    private final String credentials;

    DiscoveryAccessException(String server, String path, int code, String answer, String credentials) {
        super("GET " + server + path + " was refused to " + credentials + ": " + answer);
        this.server = server;
        this.path = path;
        this.code = code;
        this.credentials = credentials;
    }

    String server() {
        return server;
    }

    /** The discovery path refused, e.g. {@code /apis/example.com/v1}. */
    String path() {
        return path;
    }

    /** 401 (credentials not accepted) or 403 (not permitted). */
    int code() {
        return code;
    }

    /** Who the bridge is to the API server, e.g. {@code service account kube-event-bridge/bridge}. */
    String credentials() {
        return credentials;
    }
}
