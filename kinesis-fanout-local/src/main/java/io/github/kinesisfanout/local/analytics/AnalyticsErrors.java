package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;

/** The Kinesis Analytics v1 errors, named as the service model names them (all HTTP 400). */
final class AnalyticsErrors {

    private AnalyticsErrors() {
    }

    static AwsServiceException notFound(String applicationName) {
        return new AwsServiceException("ResourceNotFoundException",
                "Application " + applicationName + " is not found.");
    }

    static AwsServiceException notFound(String what, String id, String applicationName) {
        return new AwsServiceException("ResourceNotFoundException",
                what + " " + id + " is not found in application " + applicationName + ".");
    }

    static AwsServiceException inUse(String message) {
        return new AwsServiceException("ResourceInUseException", message);
    }

    /** Application status forbids the call: AWS says the application is not available for it. */
    static AwsServiceException wrongStatus(String applicationName, String status, String operation) {
        return inUse("Application " + applicationName + " is in " + status
                + " state and is not available for " + operation + ".");
    }

    static AwsServiceException invalidArgument(String message) {
        return new AwsServiceException("InvalidArgumentException", message);
    }

    static AwsServiceException invalidConfiguration(String message) {
        return new AwsServiceException("InvalidApplicationConfigurationException", message);
    }

    static AwsServiceException codeValidation(String message) {
        return new AwsServiceException("CodeValidationException", message);
    }

    static AwsServiceException concurrentModification(String message) {
        return new AwsServiceException("ConcurrentModificationException", message);
    }

    static AwsServiceException limitExceeded(String message) {
        return new AwsServiceException("LimitExceededException", message);
    }

    static AwsServiceException tooManyTags(String message) {
        return new AwsServiceException("TooManyTagsException", message);
    }

    static AwsServiceException unsupported(String message) {
        return new AwsServiceException("UnsupportedOperationException", message);
    }
}
