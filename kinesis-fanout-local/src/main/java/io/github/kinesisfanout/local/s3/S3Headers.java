package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsChunkedBody;
import io.github.kinesisfanout.local.edge.EdgeRequest;
import io.github.kinesisfanout.local.edge.Timestamps;
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
        AwsChunkedBody payload = AwsChunkedBody.payload(request);
        payload.trailers().forEach((name, value) -> {
            String member = INPUT.get(name);
            if (member != null) {
                input.put(member, value);
            }
        });
        input.put("Body", payload.data());
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
