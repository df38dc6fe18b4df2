package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The HTTP headers S3 binds to object members, in both directions, and the upload body. */
final class S3Headers {

    /** Request headers and the input members they carry. */
    private static final Map<String, String> INPUT = Map.of(
            "content-type", "ContentType", "content-md5", "ContentMD5",
            "x-amz-sdk-checksum-algorithm", "ChecksumAlgorithm", "x-amz-checksum-mode", "ChecksumMode",
            "x-amz-checksum-crc32", "ChecksumCRC32", "x-amz-checksum-crc32c", "ChecksumCRC32C",
            "x-amz-checksum-crc64nvme", "ChecksumCRC64NVME", "x-amz-checksum-sha1", "ChecksumSHA1",
            "x-amz-checksum-sha256", "ChecksumSHA256", "range", "Range");
    /** Output members and the response headers that carry them. */
    private static final Map<String, String> OUTPUT = Map.ofEntries(
            Map.entry("ETag", "ETag"), Map.entry("ContentType", "Content-Type"),
            Map.entry("AcceptRanges", "Accept-Ranges"), Map.entry("LastModified", "Last-Modified"),
            Map.entry("ContentLength", "Content-Length"), Map.entry("Location", "Location"),
            Map.entry("BucketRegion", "x-amz-bucket-region"), Map.entry("ChecksumCRC32", "x-amz-checksum-crc32"),
            Map.entry("ChecksumCRC32C", "x-amz-checksum-crc32c"),
            Map.entry("ChecksumCRC64NVME", "x-amz-checksum-crc64nvme"),
            Map.entry("ChecksumSHA1", "x-amz-checksum-sha1"), Map.entry("ChecksumSHA256", "x-amz-checksum-sha256"),
            Map.entry("ChecksumType", "x-amz-checksum-type"), Map.entry("ContentRange", "Content-Range"));
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private S3Headers() {
    }

    static void readObjectHeaders(EdgeRequest request, ObjectNode input) {
        ObjectNode metadata = null;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String member = INPUT.get(name);
            if (member != null) {
                input.put(member, header.getValue());
            } else if (name.startsWith("x-amz-meta-")) {
                if (metadata == null) {
                    metadata = input.putObject("Metadata");
                }
                metadata.put(name.substring("x-amz-meta-".length()), header.getValue());
            }
        }
    }

    /**
     * Puts the upload into {@code Body}: aws-chunked bodies are decoded and their trailing checksums
     * become input members; a signed payload's {@code x-amz-content-sha256} is checked against the body.
     */
    static void readBody(EdgeRequest request, ObjectNode input) {
        byte[] body = request.body();
        if (AwsChunkedBody.isChunked(request)) {
            AwsChunkedBody decoded = AwsChunkedBody.decode(body);
            body = decoded.data();
            decoded.trailers().forEach((name, value) -> {
                String member = INPUT.get(name);
                if (member != null) {
                    input.put(member, value);
                }
            });
            String declared = request.header("x-amz-decoded-content-length");
            if (declared != null && Long.parseLong(declared.trim()) != body.length) {
                throw ProtocolErrors.S3_INCOMPLETE_BODY.error("You did not provide the number of bytes specified"
                        + " by the x-amz-decoded-content-length HTTP header");
            }
        } else {
            String sha = request.header("x-amz-content-sha256");
            if (sha != null && sha.matches("[0-9a-f]{64}")
                    && !sha.equals(sha256Hex(body))) {
                throw ProtocolErrors.S3_CONTENT_SHA256_MISMATCH.error(
                        "The provided 'x-amz-content-sha256' header does not match what was computed.");
            }
        }
        input.put("Body", body);
    }

    private static String sha256Hex(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Moves header-bound output members into response headers; returns the headers. */
    static Map<String, String> writeHeaders(JsonNode output) {
        Map<String, String> headers = new LinkedHashMap<>();
        OUTPUT.forEach((member, header) -> {
            JsonNode value = output.get(member);
            if (value != null && !value.isNull()) {
                Instant instant = Timestamps.instantOf(value);
                headers.put(header, instant != null ? HTTP_DATE.format(instant) : value.asText());
            }
        });
        output.path("Metadata").fields().forEachRemaining(e -> headers.put("x-amz-meta-" + e.getKey(), e.getValue().asText()));
        return headers;
    }
}
