package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.ErrorCode;
import io.github.kinesisfanout.local.edge.CheckedMembers;

/** The Kinesis Analytics v1 errors, named as the service model names them (HTTP 400 unless said). */
final class AnalyticsErrors {

    static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("ResourceNotFoundException");
    static final ErrorCode RESOURCE_IN_USE = ErrorCode.of("ResourceInUseException");
    /** The member validation error of most operations (see VALIDATION for the others). */
    static final ErrorCode INVALID_ARGUMENT = ErrorCode.of("InvalidArgumentException");
    /** The common validation error, for operations whose model lists no InvalidArgumentException. */
    static final ErrorCode VALIDATION = ErrorCode.of("ValidationException");
    static final ErrorCode INVALID_APPLICATION_CONFIGURATION = ErrorCode.of("InvalidApplicationConfigurationException");
    static final ErrorCode CODE_VALIDATION = ErrorCode.of("CodeValidationException");
    static final ErrorCode CONCURRENT_MODIFICATION = ErrorCode.of("ConcurrentModificationException");
    static final ErrorCode LIMIT_EXCEEDED = ErrorCode.of("LimitExceededException");
    static final ErrorCode TOO_MANY_TAGS = ErrorCode.of("TooManyTagsException");
    static final ErrorCode UNSUPPORTED_OPERATION = ErrorCode.of("UnsupportedOperationException");
    /** DiscoverInputSchema's answer when the sampled records yield no schema; it carries the records. */
    static final ErrorCode UNABLE_TO_DETECT_SCHEMA = ErrorCode.of("UnableToDetectSchemaException");
    static final ErrorCode RESOURCE_PROVISIONED_THROUGHPUT_EXCEEDED =
            ErrorCode.of("ResourceProvisionedThroughputExceededException");
    static final ErrorCode SERVICE_UNAVAILABLE = ErrorCode.of("ServiceUnavailableException", 500);
    /** Lambda's code for a function that failed, as a preprocessing or output delivery reports it. */
    static final ErrorCode LAMBDA_SERVICE = ErrorCode.of("ServiceException");
    /** The reader of request members, failing with INVALID_ARGUMENT in AWS's validation wording. */
    static final CheckedMembers MEMBERS = CheckedMembers.of(INVALID_ARGUMENT, null);

    private AnalyticsErrors() {
    }

    static AwsServiceException notFound(String applicationName) {
        return RESOURCE_NOT_FOUND.error("Application " + applicationName + " is not found.");
    }

    static AwsServiceException notFound(String what, String id, String applicationName) {
        return RESOURCE_NOT_FOUND.error(what + " " + id + " is not found in application " + applicationName + ".");
    }

    /** Application status forbids the call: AWS says the application is not available for it. */
    static AwsServiceException wrongStatus(String applicationName, String status, String operation) {
        return RESOURCE_IN_USE.error("Application " + applicationName + " is in " + status
                + " state and is not available for " + operation + ".");
    }
}
