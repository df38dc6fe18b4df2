package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Multipart uploads (what the AWS CLI uses for files over 8 MB): Create, UploadPart, Complete
 * and Abort. The completed object's ETag is the MD5 of the parts' MD5s followed by
 * {@code -PARTCOUNT}, as S3 computes it; parts other than the last must be at least 5 MiB.
 */
final class MultipartUploads {

    private static final int MIN_PART = 5 * 1024 * 1024;

    private final S3Store store;
    private final Clock clock;
    private final S3Objects objects;

    MultipartUploads(S3Store store, Clock clock, S3Objects objects) {
        this.store = store;
        this.clock = clock;
        this.objects = objects;
    }

    /** One upload in progress: the object's settings and its parts by number. */
    record Upload(String key, String contentType, Map<String, String> metadata,
            ConcurrentSkipListMap<Integer, byte[]> parts) {
    }

    JsonNode create(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, S3Service.bucketName(input));
        String key = Members.required(input, "Key", S3Errors.INVALID_REQUEST);
        Map<String, String> metadata = new LinkedHashMap<>();
        input.path("Metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        String uploadId = UUID.randomUUID().toString().replace("-", "");
        bucket.uploads.put(uploadId, new Upload(key, Members.text(input, "ContentType", "binary/octet-stream"),
                Map.copyOf(metadata), new ConcurrentSkipListMap<>()));
        return JsonNodeFactory.instance.objectNode().put("Bucket", bucket.name).put("Key", key).put("UploadId", uploadId);
    }

    JsonNode uploadPart(ObjectNode input, RequestContext context) {
        Upload upload = upload(input, context);
        int number = Members.integer(input, "PartNumber", 0, S3Errors.INVALID_ARGUMENT);
        if (number < 1 || number > 10_000) {
            throw S3Errors.INVALID_ARGUMENT.error("Part number must be an integer between 1 and 10000,"
                    + " inclusive");
        }
        byte[] body = objects.verifiedBody(input);
        upload.parts().put(number, body);
        return JsonNodeFactory.instance.objectNode().put("ETag", Checksums.eTag(body));
    }

    JsonNode complete(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, S3Service.bucketName(input));
        Upload upload = upload(input, context);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        int previous = 0;
        JsonNode parts = input.path("MultipartUpload").path("Parts");
        int index = 0;
        for (JsonNode part : parts) {
            index++;
            int number = part.path("PartNumber").asInt();
            byte[] body = upload.parts().get(number);
            if (number <= previous) {
                throw S3Errors.INVALID_PART_ORDER.error("The list of parts was not in ascending order. Parts"
                        + " must be ordered by part number.");
            }
            if (body == null || !Checksums.eTag(body).equals(part.path("ETag").asText())) {
                throw S3Errors.INVALID_PART.error("One or more of the specified parts could not be found."
                        + "  The part may not have been uploaded, or the specified entity tag may not match the"
                        + " part's entity tag.");
            }
            if (index < parts.size() && body.length < MIN_PART) {
                throw S3Errors.ENTITY_TOO_SMALL.error("Your proposed upload is smaller than the minimum allowed object size.");
            }
            data.writeBytes(body);
            md5s.writeBytes(md5(body));
            previous = number;
        }
        if (index == 0) {
            throw S3Errors.MALFORMED_XML.error("The XML you provided was not well-formed or did not"
                    + " validate against our published schema");
        }
        String eTag = "\"" + HexFormat.of().formatHex(md5(md5s.toByteArray())) + "-" + index + "\"";
        store.putObject(context, bucket, new StoredObject(upload.key(), data.toByteArray(), eTag, upload.contentType(),
                clock.instant(), upload.metadata(), null, null));
        bucket.uploads.remove(Members.text(input, "UploadId"));
        return JsonNodeFactory.instance.objectNode().put("Location", "/" + bucket.name + "/" + upload.key())
                .put("Bucket", bucket.name).put("Key", upload.key()).put("ETag", eTag);
    }

    JsonNode abort(ObjectNode input, RequestContext context) {
        upload(input, context);
        store.bucket(context, S3Service.bucketName(input)).uploads.remove(Members.text(input, "UploadId"));
        return JsonNodeFactory.instance.objectNode();
    }

    private Upload upload(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, S3Service.bucketName(input));
        Upload upload = bucket.uploads.get(Members.required(input, "UploadId", S3Errors.INVALID_REQUEST));
        if (upload == null || !upload.key().equals(Members.text(input, "Key"))) {
            throw S3Errors.NO_SUCH_UPLOAD.error("The specified upload does not exist. The upload ID may be"
                    + " invalid, or the upload may have been aborted or completed.");
        }
        return upload;
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
