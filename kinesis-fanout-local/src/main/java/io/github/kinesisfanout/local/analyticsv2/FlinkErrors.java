package io.github.kinesisfanout.local.analyticsv2;

import io.github.kinesisfanout.local.edge.AwsServiceException;

/** The kinesisanalyticsv2 errors, named as the service model names them (all HTTP 400). */
final class FlinkErrors {

    private FlinkErrors() {
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

    /** The application's status forbids the call. */
    static AwsServiceException wrongStatus(FlinkApplication app, String operation) {
        return inUse("Application " + app.name + " is in " + app.status + " state and is not available for "
                + operation + ".");
    }

    static AwsServiceException invalidArgument(String message) {
        return new AwsServiceException("InvalidArgumentException", message);
    }

    static AwsServiceException invalidRequest(String message) {
        return new AwsServiceException("InvalidRequestException", message);
    }

    static AwsServiceException invalidConfiguration(String message) {
        return new AwsServiceException("InvalidApplicationConfigurationException", message);
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
