package io.github.kinesisfanout.operations;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Renders AWS service errors the way AWS sends them: error code, message and request id. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /**
     * {@code ResourceNotFoundException: Stream Foo under account 000000000000 not found. (request id ...)}.
     */
    public static String describe(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details != null && details.errorCode() != null ? details.errorCode() : "HTTP " + e.statusCode();
        String message = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
        String requestId = e.requestId() != null ? e.requestId() : e.extendedRequestId();
        return code + ": " + message + (requestId != null ? " (request id " + requestId + ")" : "");
    }

    /** Whether the error carries the given AWS error code, e.g. {@code ResourceNotFoundException}. */
    public static boolean hasCode(AwsServiceException e, String code) {
        AwsErrorDetails details = e.awsErrorDetails();
        return details != null && code.equals(details.errorCode());
    }
}
