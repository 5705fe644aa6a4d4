package io.kubeeventbridge.informer;

/**
 * Why an informer's last list or watch failed, as health reports it; never quotes an object.
 *
 * @param reason what kind of failure
 * @param code the HTTP status the API server answered, or 0 when no answer came (the connection failed)
 * @param message what failed; for {@link Reason#FORBIDDEN} the verb and the resource the bridge may not use
 */
public record InformerError(Reason reason, int code, String message) {

    /** What kind of failure. */
    public enum Reason {
        /** 403: the bridge's service account may not list or watch the resource. */
        FORBIDDEN,
        /** 404: the API server does not serve the resource (any more), as when its CRD was uninstalled. */
        MISSING,
        /** Any other HTTP status, or no answer at all. */
        FAILED
    }
}
