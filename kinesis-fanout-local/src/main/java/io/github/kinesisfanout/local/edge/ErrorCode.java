package io.github.kinesisfanout.local.edge;

/**
 * One error a service answers, named as AWS names it (the error shape of the service's model), with
 * the HTTP status it comes with: a service declares each of its codes once, in its {@code *Errors}
 * class ({@code static final ErrorCode RESOURCE_NOT_FOUND = ErrorCode.of("ResourceNotFoundException")}),
 * and throws {@code RESOURCE_NOT_FOUND.error(message)}; no code string is spelled anywhere else.
 *
 * @param code the error code on the wire, e.g. {@code ResourceNotFoundException}, {@code NoSuchBucket}
 * @param httpStatus the HTTP status the service answers with it
 */
public record ErrorCode(String code, int httpStatus) {

    /** A client error answered with HTTP 400, the usual case. */
    public static ErrorCode of(String code) {
        return new ErrorCode(code, 400);
    }

    /** A code answered with another status (S3's 404 NoSuchKey, Lambda's 409 ResourceConflictException). */
    public static ErrorCode of(String code, int httpStatus) {
        return new ErrorCode(code, httpStatus);
    }

    /** The error with this code and status. */
    public AwsServiceException error(String message) {
        return new AwsServiceException(code, message, httpStatus);
    }

    /** Whether an error another call answered has this code (a CloudFormation delete tolerating a missing resource). */
    public boolean is(AwsServiceException e) {
        return code.equals(e.errorCode());
    }
}
