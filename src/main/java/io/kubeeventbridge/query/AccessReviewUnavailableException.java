package io.kubeeventbridge.query;

/** The API server gave no answer to a TokenReview or SubjectAccessReview; the request is refused (fail closed). */
public final class AccessReviewUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessReviewUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
