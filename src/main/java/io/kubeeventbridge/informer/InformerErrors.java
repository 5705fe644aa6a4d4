package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubeeventbridge.informer.InformerError.Reason;

/** Classifies what fabric8 reports when an informer's list or watch fails, for health. */
final class InformerErrors {

    private InformerErrors() {}

    static InformerError classify(Throwable error, InformerTarget target) {
        int code = httpStatus(error);
        return switch (code) {
            case 403 -> new InformerError(Reason.FORBIDDEN, code, "cannot " + verb(error) + " " + target.describe());
            case 404 -> new InformerError(Reason.MISSING, code, target.type() + " is not served by the API server");
            default -> new InformerError(Reason.FAILED, code, describe(error));
        };
    }

    /**
     * The error's message. fabric8 quotes a watch event it cannot parse in full; it is unfiltered and may be a
     * Secret, so it is left out.
     */
    static String describe(Throwable error) {
        String message = String.valueOf(error.getMessage());
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WatcherException watcher
                    && watcher.getRawWatchMessage().isPresent()) {
                String raw = watcher.getRawWatchMessage().get();
                message = raw.isEmpty() ? message : message.replace(raw, "<watch event omitted>");
            }
        }
        return message;
    }

    /** The HTTP status the API server answered, or 0. fabric8 wraps the exception that carries it. */
    private static int httpStatus(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KubernetesClientException client && client.getCode() > 0) {
                return client.getCode();
            }
        }
        return 0;
    }

    /** The verb that failed: fabric8 names the failed request, and only a watch asks for {@code watch=true}. */
    private static String verb(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WatcherException
                    || String.valueOf(cause.getMessage()).contains("watch=true")) {
                return "watch";
            }
        }
        return "list";
    }
}
