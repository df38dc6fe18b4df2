package io.github.kinesisfanout.local.edge;

/**
 * The SigV4 credential scope of a request ({@code AKID/20260101/us-east-1/kinesis/aws4_request}),
 * from the Authorization header or the presigned-URL parameter X-Amz-Credential. Signatures are
 * not checked: the local cloud accepts any.
 *
 * @param accessKeyId the access key id
 * @param region the region of the scope
 * @param service the signing name of the scope
 */
public record CredentialScope(String accessKeyId, String region, String service) {

    /** The scope of a request, or null when it carries none. */
    public static CredentialScope of(EdgeRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            int start = authorization.indexOf("Credential=");
            if (start >= 0) {
                int from = start + "Credential=".length();
                int end = from;
                while (end < authorization.length() && authorization.charAt(end) != ','
                        && !Character.isWhitespace(authorization.charAt(end))) {
                    end++;
                }
                return parse(authorization.substring(from, end));
            }
        }
        String credential = request.queryParam("X-Amz-Credential");
        return credential == null ? null : parse(credential);
    }

    /** Parses {@code AKID/date/region/service/aws4_request}; null when malformed. */
    static CredentialScope parse(String credential) {
        String[] parts = credential.split("/");
        if (parts.length < 5 || parts[2].isEmpty() || parts[3].isEmpty()) {
            return null;
        }
        return new CredentialScope(parts[0], parts[2], parts[3]);
    }
}
