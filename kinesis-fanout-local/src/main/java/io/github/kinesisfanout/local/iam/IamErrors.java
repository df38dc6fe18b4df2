package io.github.kinesisfanout.local.iam;

import io.github.kinesisfanout.local.edge.ErrorCode;

/** The IAM error codes with the HTTP status IAM answers each with. */
final class IamErrors {

    /** IAM's member validation error (a Query service: ValidationError, not ValidationException). */
    static final ErrorCode VALIDATION_ERROR = ErrorCode.of("ValidationError");
    static final ErrorCode NO_SUCH_ENTITY = ErrorCode.of("NoSuchEntity", 404);
    static final ErrorCode ENTITY_ALREADY_EXISTS = ErrorCode.of("EntityAlreadyExists", 409);
    static final ErrorCode DELETE_CONFLICT = ErrorCode.of("DeleteConflict", 409);
    static final ErrorCode MALFORMED_POLICY_DOCUMENT = ErrorCode.of("MalformedPolicyDocument");

    private IamErrors() {
    }
}
