package io.github.kinesisfanout.local.conformance;

import java.util.Set;

/** Error codes any operation may answer besides those its model lists. */
final class ErrorCodes {

    /**
     * AWS's common errors (the "Common Errors" page of every API reference), the JSON protocols'
     * {@code SerializationException} and the local cloud's {@code UnknownOperationException} for an
     * operation it does not implement.
     */
    static final Set<String> COMMON = Set.of("AccessDeniedException", "IncompleteSignature", "InternalFailure",
            "InvalidAction", "InvalidClientTokenId", "InvalidParameterCombination", "InvalidParameterValue",
            "InvalidQueryParameter", "MalformedQueryString", "MissingAction", "MissingAuthenticationToken",
            "MissingParameter", "NotAuthorized", "OptInRequired", "RequestExpired", "ServiceUnavailable",
            "ThrottlingException", "ValidationError", "ValidationException", "SerializationException",
            "UnknownOperationException", "RequestEntityTooLargeException");

    /**
     * S3's model lists few errors; these are codes of S3's "Error responses" list the local cloud
     * answers with.
     */
    static final Set<String> S3 = Set.of("NoSuchBucket", "NoSuchKey", "NoSuchUpload", "BucketAlreadyExists",
            "BucketAlreadyOwnedByYou", "BucketNotEmpty", "InvalidArgument", "InvalidBucketName", "BadDigest",
            "InvalidDigest", "InvalidRange", "InvalidPart", "InvalidPartOrder", "EntityTooSmall", "EntityTooLarge",
            "MalformedXML", "InvalidRequest", "NotImplemented", "MissingContentLength", "InternalError",
            "XAmzContentSHA256Mismatch", "PreconditionFailed", "MethodNotAllowed", "KeyTooLongError");

    private ErrorCodes() {
    }
}
