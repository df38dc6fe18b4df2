package io.github.kinesisfanout.local.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the {@code aws-chunked} content encoding that SigV4 streaming uploads use (the AWS SDK for
 * Java 2.x sends S3 PutObject this way with a trailing {@code x-amz-checksum-crc32} by default):
 * {@code HEX-SIZE[;chunk-signature=SIG]\r\nDATA\r\n ... 0[;chunk-signature=SIG]\r\n} then trailer
 * lines {@code name:value\r\n} and an empty line. Chunk and trailer signatures are not checked,
 * as the local cloud does not verify SigV4.
 *
 * @param data the decoded payload
 * @param trailers the trailing headers, names in lower case (e.g. {@code x-amz-checksum-crc32})
 */
public record AwsChunkedBody(byte[] data, Map<String, String> trailers) {

    /** Whether the request's body is aws-chunked, by its content encoding or its streaming payload hash. */
    public static boolean isChunked(EdgeRequest request) {
        String encoding = request.header("content-encoding");
        String sha = request.header("x-amz-content-sha256");
        return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"))
                || (sha != null && sha.startsWith("STREAMING-"));
    }

    /**
     * The payload of an upload and its trailing headers: an aws-chunked body decoded (its length checked
     * against {@code x-amz-decoded-content-length}), any other body as sent (a signed payload's
     * {@code x-amz-content-sha256} checked against it) with no trailers.
     */
    public static AwsChunkedBody payload(EdgeRequest request) {
        byte[] body = request.body();
        if (isChunked(request)) {
            AwsChunkedBody decoded = decode(body);
            String declared = request.header("x-amz-decoded-content-length");
            if (declared != null && Long.parseLong(declared.trim()) != decoded.data().length) {
                throw ProtocolErrors.S3_INCOMPLETE_BODY.error("You did not provide the number of bytes specified"
                        + " by the x-amz-decoded-content-length HTTP header");
            }
            return decoded;
        }
        String sha = request.header("x-amz-content-sha256");
        if (sha != null && sha.matches("[0-9a-f]{64}")
                && !sha.equals(sha256Hex(body))) {
            throw ProtocolErrors.S3_CONTENT_SHA256_MISMATCH.error(
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return new AwsChunkedBody(body, Map.of());
    }

    private static String sha256Hex(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Decodes the body; a malformed encoding is S3's {@code IncompleteBody}. */
    public static AwsChunkedBody decode(byte[] body) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(body.length);
        Map<String, String> trailers = new LinkedHashMap<>();
        int pos = 0;
        while (true) {
            int lineEnd = indexOfCrlf(body, pos);
            if (lineEnd < 0) {
                throw malformed("a chunk header is not terminated");
            }
            String header = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw malformed("bad chunk size '" + header + "'");
            }
            pos = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (pos + size > body.length) {
                throw malformed("a chunk is shorter than its declared size " + size);
            }
            data.write(body, pos, size);
            pos += size;
            if (pos + 2 <= body.length && body[pos] == '\r' && body[pos + 1] == '\n') {
                pos += 2;
            }
        }
        while (pos < body.length) {
            int lineEnd = indexOfCrlf(body, pos);
            String line = new String(body, pos, (lineEnd < 0 ? body.length : lineEnd) - pos, StandardCharsets.UTF_8);
            pos = lineEnd < 0 ? body.length : lineEnd + 2;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new AwsChunkedBody(data.toByteArray(), trailers);
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static AwsServiceException malformed(String why) {
        return ProtocolErrors.S3_INCOMPLETE_BODY.error("The aws-chunked request body is malformed: " + why);
    }
}
