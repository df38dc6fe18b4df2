package io.github.kinesisfanout.local.firehose;

import io.github.kinesisfanout.local.edge.AwsServiceException;

/** The errors of the Firehose model, in AWS's wording. */
final class FirehoseErrors {

    static final String INVALID = "InvalidArgumentException";

    private FirehoseErrors() {
    }

    static AwsServiceException invalid(String message) {
        return new AwsServiceException(INVALID, message);
    }

    static AwsServiceException notFound(String name, String accountId) {
        return new AwsServiceException("ResourceNotFoundException", "Firehose " + name
                + " under account " + accountId + " not found.");
    }

    static AwsServiceException inUse(String message) {
        return new AwsServiceException("ResourceInUseException", message);
    }

    /** A setting the local cloud does not implement yet, named by its request member. */
    static AwsServiceException notSupported(String construct) {
        return invalid(construct + " is not supported yet by the local cloud");
    }
}
