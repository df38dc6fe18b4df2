package io.github.kinesisfanout.local.edge;

/**
 * The errors the edge answers before a service sees the request (a body it cannot parse, an unknown
 * operation, an overloaded server), with each protocol family's code and HTTP status.
 */
final class ProtocolErrors {

    /** An operation or X-Amz-Target the service does not know; also the local cloud's "not supported". */
    static final ErrorCode UNKNOWN_OPERATION = ErrorCode.of("UnknownOperationException");
    static final ErrorCode UNKNOWN_SERVICE = ErrorCode.of("UnknownServiceException");
    /** A JSON 1.1 or CBOR body that is not one well-formed structure. */
    static final ErrorCode SERIALIZATION = ErrorCode.of("SerializationException");
    /** REST-JSON's (Lambda's) code for a body that is not JSON. */
    static final ErrorCode INVALID_REQUEST_CONTENT = ErrorCode.of("InvalidRequestContentException");
    static final ErrorCode INVALID_QUERY_PARAMETER = ErrorCode.of("InvalidQueryParameter");
    static final ErrorCode MISSING_ACTION = ErrorCode.of("MissingAction");
    static final ErrorCode REQUEST_ENTITY_TOO_LARGE = ErrorCode.of("RequestEntityTooLargeException", 413);
    static final ErrorCode INTERNAL_FAILURE = ErrorCode.of("InternalFailure", 500);
    /** REST-JSON's (Lambda's) code for a failure inside the service. */
    static final ErrorCode SERVICE = ErrorCode.of("ServiceException", 500);
    static final ErrorCode SERVICE_UNAVAILABLE = ErrorCode.of("ServiceUnavailable", 503);
    static final ErrorCode S3_INVALID_URI = ErrorCode.of("InvalidURI");
    static final ErrorCode S3_INVALID_REQUEST = ErrorCode.of("InvalidRequest");
    static final ErrorCode S3_INCOMPLETE_BODY = ErrorCode.of("IncompleteBody");
    static final ErrorCode S3_CONTENT_SHA256_MISMATCH = ErrorCode.of("XAmzContentSHA256Mismatch");
    static final ErrorCode S3_ENTITY_TOO_LARGE = ErrorCode.of("EntityTooLarge", 413);
    static final ErrorCode S3_HEADER_SECTION_TOO_LARGE = ErrorCode.of("RequestHeaderSectionTooLarge");
    static final ErrorCode S3_INTERNAL_ERROR = ErrorCode.of("InternalError", 500);

    private ProtocolErrors() {
    }
}
