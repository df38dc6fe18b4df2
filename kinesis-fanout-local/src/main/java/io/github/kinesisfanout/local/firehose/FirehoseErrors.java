package io.github.kinesisfanout.local.firehose;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.ErrorCode;

/** The errors of the Firehose model (all HTTP 400), in AWS's wording. */
final class FirehoseErrors {

    static final ErrorCode INVALID_ARGUMENT = ErrorCode.of("InvalidArgumentException");
    static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("ResourceNotFoundException");
    static final ErrorCode RESOURCE_IN_USE = ErrorCode.of("ResourceInUseException");
    /** The common validation error, for operations whose model lists no InvalidArgumentException. */
    static final ErrorCode VALIDATION = ErrorCode.of("ValidationException");
    static final ErrorCode SERIALIZATION = ErrorCode.of("SerializationException");

    private FirehoseErrors() {
    }

    static AwsServiceException notFound(String name, String accountId) {
        return RESOURCE_NOT_FOUND.error("Firehose " + name + " under account " + accountId + " not found.");
    }

    /** A setting the local cloud does not implement yet, named by its request member. */
    static AwsServiceException notSupported(String construct) {
        return INVALID_ARGUMENT.error(construct + " is not supported yet by the local cloud");
    }
}
