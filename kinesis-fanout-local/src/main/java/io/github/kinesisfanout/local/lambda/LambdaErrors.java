package io.github.kinesisfanout.local.lambda;

import io.github.kinesisfanout.local.edge.ErrorCode;

/** The Lambda error codes with the HTTP status Lambda answers each with (the Lambda API reference's Errors sections). */
public final class LambdaErrors {

    /** Lambda's member validation error, with Lambda's wording of the constraint. */
    public static final ErrorCode INVALID_PARAMETER_VALUE = ErrorCode.of("InvalidParameterValueException");
    public static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("ResourceNotFoundException", 404);
    public static final ErrorCode RESOURCE_CONFLICT = ErrorCode.of("ResourceConflictException", 409);
    public static final ErrorCode REQUEST_TOO_LARGE = ErrorCode.of("RequestTooLargeException", 413);
    public static final ErrorCode INVALID_RUNTIME = ErrorCode.of("InvalidRuntimeException", 502);

    private LambdaErrors() {
    }
}
