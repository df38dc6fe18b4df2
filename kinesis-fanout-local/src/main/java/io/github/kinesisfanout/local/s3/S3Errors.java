package io.github.kinesisfanout.local.s3;

import io.github.kinesisfanout.local.edge.ErrorCode;

/** The Amazon S3 error codes with the HTTP status S3 answers each with (S3's error code list). */
final class S3Errors {

    static final ErrorCode NO_SUCH_BUCKET = ErrorCode.of("NoSuchBucket", 404);
    static final ErrorCode NO_SUCH_KEY = ErrorCode.of("NoSuchKey", 404);
    static final ErrorCode NO_SUCH_UPLOAD = ErrorCode.of("NoSuchUpload", 404);
    static final ErrorCode BUCKET_ALREADY_OWNED_BY_YOU = ErrorCode.of("BucketAlreadyOwnedByYou", 409);
    static final ErrorCode BUCKET_NOT_EMPTY = ErrorCode.of("BucketNotEmpty", 409);
    static final ErrorCode INVALID_BUCKET_NAME = ErrorCode.of("InvalidBucketName");
    static final ErrorCode INVALID_ARGUMENT = ErrorCode.of("InvalidArgument");
    static final ErrorCode INVALID_REQUEST = ErrorCode.of("InvalidRequest");
    static final ErrorCode INVALID_RANGE = ErrorCode.of("InvalidRange", 416);
    static final ErrorCode INVALID_PART = ErrorCode.of("InvalidPart");
    static final ErrorCode INVALID_PART_ORDER = ErrorCode.of("InvalidPartOrder");
    static final ErrorCode ENTITY_TOO_SMALL = ErrorCode.of("EntityTooSmall");
    static final ErrorCode MALFORMED_XML = ErrorCode.of("MalformedXML");
    static final ErrorCode BAD_DIGEST = ErrorCode.of("BadDigest");

    private S3Errors() {
    }
}
