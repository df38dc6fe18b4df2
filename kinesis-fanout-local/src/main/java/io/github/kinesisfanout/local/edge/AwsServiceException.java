package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error as AWS returns it: its code (the error shape name), message and HTTP status. */
public class AwsServiceException extends RuntimeException {

    private final String errorCode;
    private final int httpStatus;
    private ObjectNode members;

    public AwsServiceException(String errorCode, String message, int httpStatus) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    /** A client error (HTTP 400), the usual case. */
    public AwsServiceException(String errorCode, String message) {
        this(errorCode, message, 400);
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Adds members an error shape carries besides its message (e.g. the RawInputRecords of
     * UnableToDetectSchemaException); codecs render them beside {@code message}.
     */
    public AwsServiceException withMembers(ObjectNode extraMembers) {
        this.members = extraMembers;
        return this;
    }

    /** The extra members of the error shape, or null. */
    public ObjectNode members() {
        return members;
    }

    /** The operation is not implemented by the local cloud. */
    public static AwsServiceException notSupported(String service, String operation) {
        return ProtocolErrors.UNKNOWN_OPERATION.error(service + "." + operation + " is not supported");
    }
}
