package io.github.kinesisfanout.local.analyticsv2;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.ErrorCode;
import io.github.kinesisfanout.local.edge.CheckedMembers;

/** The kinesisanalyticsv2 errors, named as the service model names them (all HTTP 400). */
final class FlinkErrors {

    static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("ResourceNotFoundException");
    static final ErrorCode RESOURCE_IN_USE = ErrorCode.of("ResourceInUseException");
    static final ErrorCode INVALID_ARGUMENT = ErrorCode.of("InvalidArgumentException");
    static final ErrorCode INVALID_REQUEST = ErrorCode.of("InvalidRequestException");
    static final ErrorCode INVALID_APPLICATION_CONFIGURATION = ErrorCode.of("InvalidApplicationConfigurationException");
    static final ErrorCode CONCURRENT_MODIFICATION = ErrorCode.of("ConcurrentModificationException");
    static final ErrorCode LIMIT_EXCEEDED = ErrorCode.of("LimitExceededException");
    static final ErrorCode TOO_MANY_TAGS = ErrorCode.of("TooManyTagsException");
    static final ErrorCode UNSUPPORTED_OPERATION = ErrorCode.of("UnsupportedOperationException");
    /** The reader of request members, failing with INVALID_ARGUMENT in AWS's validation wording. */
    static final CheckedMembers MEMBERS = CheckedMembers.of(INVALID_ARGUMENT, null);

    private FlinkErrors() {
    }

    static AwsServiceException notFound(String applicationName) {
        return RESOURCE_NOT_FOUND.error("Application " + applicationName + " is not found.");
    }

    static AwsServiceException notFound(String what, String id, String applicationName) {
        return RESOURCE_NOT_FOUND.error(what + " " + id + " is not found in application " + applicationName + ".");
    }

    /** The application's status forbids the call. */
    static AwsServiceException wrongStatus(FlinkApplication app, String operation) {
        return RESOURCE_IN_USE.error("Application " + app.name + " is in " + app.status
                + " state and is not available for " + operation + ".");
    }
}
