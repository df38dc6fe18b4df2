package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** PutObject, GetObject, HeadObject and DeleteObject, verifying Content-MD5 and flexible checksums on upload. */
final class S3Objects {

    private final S3Store store;
    private final Clock clock;

    S3Objects(S3Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The Body member after checking its Content-MD5 and flexible checksum, if given. */
    byte[] verifiedBody(ObjectNode input) {
        byte[] body = body(input);
        verifyContentMd5(input, body);
        for (String candidate : Checksums.ALGORITHMS) {
            String given = Members.text(input, "Checksum" + candidate);
            if (given != null && !Checksums.compute(candidate, body).equals(given)) {
                throw S3Errors.BAD_DIGEST.error("The " + candidate
                        + " you specified did not match the calculated checksum.");
            }
        }
        return body;
    }

    JsonNode put(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, S3Service.bucketName(input));
        String key = Members.required(input, "Key", S3Errors.INVALID_REQUEST);
        byte[] body = body(input);
        verifyContentMd5(input, body);
        String algorithm = null;
        String checksum = null;
        for (String candidate : Checksums.ALGORITHMS) {
            String given = Members.text(input, "Checksum" + candidate);
            if (given != null) {
                String actual = Checksums.compute(candidate, body);
                if (!actual.equals(given)) {
                    // S3's answer to a flexible checksum that does not match the received bytes.
                    throw S3Errors.BAD_DIGEST.error("The " + candidate
                            + " you specified did not match the calculated checksum.");
                }
                algorithm = candidate;
                checksum = actual;
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        input.path("Metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        StoredObject object = new StoredObject(key, body, Checksums.eTag(body),
                Members.text(input, "ContentType", "binary/octet-stream"), clock.instant(), Map.copyOf(metadata),
                algorithm, checksum);
        store.putObject(context, bucket, object);
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("ETag", object.eTag());
        if (algorithm != null) {
            output.put("Checksum" + algorithm, checksum);
            output.put("ChecksumType", "FULL_OBJECT");
        }
        return output;
    }

    JsonNode get(ObjectNode input, RequestContext context, boolean withBody) {
        StoredObject object = store.object(context, S3Service.bucketName(input),
                Members.required(input, "Key", S3Errors.INVALID_REQUEST));
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("AcceptRanges", "bytes");
        output.set("LastModified", Timestamps.node(object.lastModified()));
        output.put("ContentLength", object.body().length);
        output.put("ETag", object.eTag());
        output.put("ContentType", object.contentType());
        ObjectNode metadata = output.putObject("Metadata");
        object.metadata().forEach(metadata::put);
        // S3 returns the stored checksum only when the client asks for it with x-amz-checksum-mode: ENABLED.
        if (object.checksumAlgorithm() != null && "ENABLED".equals(Members.text(input, "ChecksumMode"))) {
            output.put("Checksum" + object.checksumAlgorithm(), object.checksumValue());
            output.put("ChecksumType", "FULL_OBJECT");
        }
        if (withBody) {
            byte[] body = object.body();
            long[] range = ByteRange.parse(Members.text(input, "Range"), body.length);
            if (range != null) {
                body = java.util.Arrays.copyOfRange(body, (int) range[0], (int) range[1] + 1);
                output.put("ContentRange", "bytes " + range[0] + "-" + range[1] + "/" + object.body().length);
                output.put("ContentLength", body.length);
                // A part's checksum is not the object's: S3 sends none for ranged reads.
                for (String algorithm : Checksums.ALGORITHMS) {
                    output.remove("Checksum" + algorithm);
                }
                output.remove("ChecksumType");
            }
            output.put("Body", body);
        }
        return output;
    }

    /** CopyObject from {@code CopySource} ({@code bucket/key}, optionally with a leading slash). */
    JsonNode copy(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, S3Service.bucketName(input));
        String key = Members.required(input, "Key", S3Errors.INVALID_REQUEST);
        String source = Members.required(input, "CopySource", S3Errors.INVALID_ARGUMENT).replaceFirst("^/", "");
        int slash = source.indexOf('/');
        if (slash <= 0) {
            throw S3Errors.INVALID_ARGUMENT.error("Copy Source must mention the source bucket and key:"
                    + " sourcebucket/sourcekey");
        }
        String sourceKey = source.substring(slash + 1).replaceFirst("\\?versionId=.*$", "");
        StoredObject original = store.object(context, source.substring(0, slash), sourceKey);
        boolean replace = "REPLACE".equals(Members.text(input, "MetadataDirective"));
        Map<String, String> metadata = new LinkedHashMap<>();
        input.path("Metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        StoredObject copy = new StoredObject(key, original.body(), original.eTag(),
                replace ? Members.text(input, "ContentType", "binary/octet-stream") : original.contentType(),
                clock.instant(), replace ? Map.copyOf(metadata) : original.metadata(), original.checksumAlgorithm(),
                original.checksumValue());
        store.putObject(context, bucket, copy);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.set("LastModified", Timestamps.node(copy.lastModified()));
        output.put("ETag", copy.eTag());
        return output;
    }

    JsonNode delete(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, S3Service.bucketName(input));
        // Deleting a missing key succeeds in S3 (204), as long as the bucket exists.
        store.removeObject(context, bucket, Members.required(input, "Key", S3Errors.INVALID_REQUEST));
        return JsonNodeFactory.instance.objectNode();
    }

    private static byte[] body(ObjectNode input) {
        JsonNode body = input.get("Body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        try {
            return body.isBinary() ? body.binaryValue() : body.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw S3Errors.INVALID_REQUEST.error("Body is not readable: " + e.getMessage());
        }
    }

    private static void verifyContentMd5(ObjectNode input, byte[] body) {
        String given = Members.text(input, "ContentMD5");
        if (given != null && !given.equals(Checksums.compute("MD5", body))) {
            throw S3Errors.BAD_DIGEST.error("The Content-MD5 you specified did not match what we received.");
        }
    }
}
