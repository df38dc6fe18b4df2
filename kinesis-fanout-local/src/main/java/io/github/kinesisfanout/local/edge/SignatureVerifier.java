package io.github.kinesisfanout.local.edge;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checks the SigV4 signature of each request (Authorization header or presigned query) against the
 * accepted access keys, and names a failure with the error AWS gives for it in the request's protocol.
 */
final class SignatureVerifier {

    private static final String PRESIGNED_SIGNATURE = "X-Amz-Signature";
    private final Map<String, String> secretKeys;

    /** @param secretKeys secret access key by access key id */
    SignatureVerifier(Map<String, String> secretKeys) {
        this.secretKeys = Map.copyOf(secretKeys);
    }

    /** Null when the request is signed by an accepted key, else the error to answer. */
    AwsServiceException verify(EdgeRequest request, WireProtocol protocol) {
        SignatureErrors errors = SignatureErrors.of(protocol);
        String authorization = request.header("authorization");
        boolean presigned = authorization == null && request.queryParam("X-Amz-Credential") != null;
        if (authorization == null && !presigned) {
            return errors.missing();
        }
        String credential = presigned ? request.queryParam("X-Amz-Credential") : part(authorization, "Credential=");
        String signedHeaders = presigned ? request.queryParam("X-Amz-SignedHeaders") : part(authorization, "SignedHeaders=");
        String signature = presigned ? request.queryParam(PRESIGNED_SIGNATURE) : part(authorization, "Signature=");
        String amzDate = presigned ? request.queryParam("X-Amz-Date") : request.header("x-amz-date");
        String[] scope = credential == null ? new String[0] : credential.split("/");
        if (scope.length != 5 || signedHeaders == null || signature == null || amzDate == null
                || !(presigned ? SigV4.ALGORITHM.equals(request.queryParam("X-Amz-Algorithm"))
                        : authorization.startsWith(SigV4.ALGORITHM + " "))) {
            return errors.incomplete();
        }
        String secret = secretKeys.get(scope[0]);
        if (secret == null) {
            return errors.unknownKey();
        }
        try {
            String canonical = SigV4.canonicalRequest(request, SigV4.signedHeaders(signedHeaders),
                    payloadHash(request, presigned, errors), !errors.isS3(), presigned ? PRESIGNED_SIGNATURE : null);
            String expected = SigV4.signature(secret, scope[1], scope[2], scope[3],
                    SigV4.stringToSign(amzDate, String.join("/", List.of(scope).subList(1, 5)), canonical));
            boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
            return matches ? null : errors.mismatch();
        } catch (IllegalArgumentException malformedEncoding) {
            return errors.mismatch();
        }
    }

    /**
     * The payload hash signed: {@code x-amz-content-sha256} as sent (a hex digest, UNSIGNED-PAYLOAD, or
     * a STREAMING-... value for aws-chunked bodies), UNSIGNED-PAYLOAD for a presigned S3 URL, else the
     * SHA-256 of the body.
     */
    private static String payloadHash(EdgeRequest request, boolean presigned, SignatureErrors errors) {
        String declared = request.header("x-amz-content-sha256");
        if (declared != null) {
            return declared;
        }
        if (presigned && errors.isS3()) {
            return "UNSIGNED-PAYLOAD";
        }
        return SigV4.sha256Hex(request.body());
    }

    /** The value of {@code name} in an Authorization header, up to the next comma or space. */
    private static String part(String authorization, String name) {
        int start = authorization.indexOf(name);
        if (start < 0) {
            return null;
        }
        int from = start + name.length();
        int end = from;
        while (end < authorization.length() && authorization.charAt(end) != ',' && authorization.charAt(end) != ' ') {
            end++;
        }
        return authorization.substring(from, end);
    }

    /** The access key ids accepted, for messages (never the secrets). */
    List<String> accessKeyIds() {
        return List.copyOf(secretKeys.keySet());
    }
}
