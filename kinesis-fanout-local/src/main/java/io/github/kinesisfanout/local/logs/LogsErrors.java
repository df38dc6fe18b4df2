package io.github.kinesisfanout.local.logs;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.ErrorCode;

/** The CloudWatch Logs errors, with the codes (all HTTP 400) and message wording CloudWatch Logs uses. */
final class LogsErrors {

    /** CloudWatch Logs answers member validation errors with this code, not ValidationException. */
    static final ErrorCode INVALID_PARAMETER = ErrorCode.of("InvalidParameterException");
    static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("ResourceNotFoundException");
    static final ErrorCode RESOURCE_ALREADY_EXISTS = ErrorCode.of("ResourceAlreadyExistsException");

    private LogsErrors() {
    }

    static AwsServiceException groupNotFound() {
        return RESOURCE_NOT_FOUND.error("The specified log group does not exist.");
    }

    static AwsServiceException streamNotFound() {
        return RESOURCE_NOT_FOUND.error("The specified log stream does not exist.");
    }

    static AwsServiceException groupExists() {
        return RESOURCE_ALREADY_EXISTS.error("The specified log group already exists");
    }

    static AwsServiceException streamExists() {
        return RESOURCE_ALREADY_EXISTS.error("The specified log stream already exists");
    }
}
