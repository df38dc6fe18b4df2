package io.github.kinesisfanout.local.edge;

/** The errors AWS answers for unsigned, badly signed and unknown-key requests, as each protocol family words them. */
enum SignatureErrors {
    /** AWS JSON 1.1 and CBOR services (Kinesis, Logs, Kinesis Analytics). */
    JSON(400, "InvalidSignatureException", "UnrecognizedClientException", "MissingAuthenticationTokenException"),
    /** REST-JSON (Lambda). */
    REST_JSON(403, "InvalidSignatureException", "UnrecognizedClientException", "MissingAuthenticationTokenException"),
    /** Query services (CloudFormation, IAM, STS). */
    QUERY(403, "SignatureDoesNotMatch", "InvalidClientTokenId", "MissingAuthenticationToken"),
    /** Amazon S3. */
    S3(403, "SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied");

    private static final String MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.";
    private static final String S3_MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your key and signing method.";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String S3_UNKNOWN_KEY = "The AWS Access Key Id you provided does not exist in our records.";

    private final int status;
    private final String mismatchCode;
    private final String unknownKeyCode;
    private final String missingCode;

    SignatureErrors(int status, String mismatchCode, String unknownKeyCode, String missingCode) {
        this.status = status;
        this.mismatchCode = mismatchCode;
        this.unknownKeyCode = unknownKeyCode;
        this.missingCode = missingCode;
    }

    static SignatureErrors of(WireProtocol protocol) {
        if (protocol instanceof S3RestXmlProtocol) {
            return S3;
        }
        if (protocol instanceof QueryWireProtocol) {
            return QUERY;
        }
        return protocol instanceof RestJsonProtocol ? REST_JSON : JSON;
    }

    boolean isS3() {
        return this == S3;
    }

    AwsServiceException mismatch() {
        return new AwsServiceException(mismatchCode, this == S3 ? S3_MISMATCH : MISMATCH, status);
    }

    AwsServiceException unknownKey() {
        return new AwsServiceException(unknownKeyCode, this == S3 ? S3_UNKNOWN_KEY : INVALID_TOKEN, status);
    }

    AwsServiceException missing() {
        return new AwsServiceException(missingCode, this == S3 ? "Access Denied" : "Missing Authentication Token", 403);
    }

    AwsServiceException incomplete() {
        return new AwsServiceException(this == S3 ? "AuthorizationHeaderMalformed" : "IncompleteSignature",
                this == S3 ? "The authorization header is malformed; the Credential is mal-formed; expecting"
                        + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."
                        : "The request signature does not conform to AWS standards.", 400);
    }
}
