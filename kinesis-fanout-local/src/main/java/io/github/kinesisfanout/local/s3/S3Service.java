package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Amazon S3 (REST-XML, path-style): buckets and single-part objects with ETags and verified
 * checksums.
 */
public final class S3Service implements AwsService {

    /** S3's bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens, starting and ending alphanumeric. */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final S3Store store;
    private final Clock clock;
    private final S3Objects objects;
    private final MultipartUploads multipart;

    /** With a data directory in the context, buckets and objects are kept under its {@code s3} directory. */
    public S3Service(ServiceContext context) {
        this.store = new S3Store(context.dataDirectory().map(d -> d.serviceDirectory("s3")).orElse(null));
        this.clock = context.clock();
        this.objects = new S3Objects(store, clock);
        this.multipart = new MultipartUploads(store, clock, objects);
    }

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        return switch (operation) {
            case "ListBuckets" -> listBuckets(context);
            case "CreateBucket" -> createBucket(input, context);
            case "HeadBucket" -> headBucket(input, context);
            case "DeleteBucket" -> deleteBucket(input, context);
            case "GetBucketLocation" -> getBucketLocation(input, context);
            case "ListObjectsV2" -> S3Listing.list(store.bucket(context, bucketName(input)), input, true);
            case "ListObjects" -> S3Listing.list(store.bucket(context, bucketName(input)), input, false);
            case "PutObject" -> objects.put(input, context);
            case "GetObject" -> objects.get(input, context, true);
            case "HeadObject" -> objects.get(input, context, false);
            case "DeleteObject" -> objects.delete(input, context);
            case "DeleteObjects" -> deleteObjects(input, context);
            case "CopyObject" -> objects.copy(input, context);
            case "CreateMultipartUpload" -> multipart.create(input, context);
            case "UploadPart" -> multipart.uploadPart(input, context);
            case "CompleteMultipartUpload" -> multipart.complete(input, context);
            case "AbortMultipartUpload" -> multipart.abort(input, context);
            default -> throw AwsServiceException.notSupported("S3", operation);
        };
    }

    /** The bytes of an object, for services that read code or templates from S3 (Lambda, CloudFormation). */
    public byte[] getObjectBytes(RequestContext context, String bucket, String key) {
        return store.object(context, bucket, key).body().clone();
    }

    private JsonNode listBuckets(RequestContext context) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode buckets = output.putArray("Buckets");
        for (Bucket bucket : store.buckets(context).values()) {
            ObjectNode item = buckets.addObject().put("Name", bucket.name);
            item.set("CreationDate", Timestamps.node(bucket.creationDate));
            item.put("BucketRegion", bucket.region);
        }
        output.putObject("Owner").put("DisplayName", "local").put("ID", owner(context));
        return output;
    }

    private JsonNode createBucket(ObjectNode input, RequestContext context) {
        String name = bucketName(input);
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            throw S3Errors.INVALID_BUCKET_NAME.error("The specified bucket is not valid.");
        }
        String region = Members.text(input.path("CreateBucketConfiguration"), "LocationConstraint", context.region());
        Bucket created = new Bucket(name, region.isEmpty() ? "us-east-1" : region, clock.instant());
        if (!store.addBucket(context, created)) {
            throw S3Errors.BUCKET_ALREADY_OWNED_BY_YOU.error("Your previous request to create the named"
                    + " bucket succeeded and you already own it.");
        }
        return JsonNodeFactory.instance.objectNode().put("Location", "/" + name);
    }

    private JsonNode headBucket(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, bucketName(input));
        return JsonNodeFactory.instance.objectNode().put("BucketRegion", bucket.region);
    }

    private JsonNode getBucketLocation(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, bucketName(input));
        // S3 answers an empty LocationConstraint for us-east-1.
        String region = "us-east-1".equals(bucket.region) ? "" : bucket.region;
        return JsonNodeFactory.instance.objectNode().put("LocationConstraint", region);
    }

    /** DeleteObjects: every key is deleted (a missing key counts as deleted, as in S3); Quiet lists none. */
    private JsonNode deleteObjects(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, bucketName(input));
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode deleted = output.putArray("Deleted");
        boolean quiet = Members.bool(input.path("Delete"), "Quiet", false);
        for (JsonNode object : input.path("Delete").path("Objects")) {
            store.removeObject(context, bucket, object.path("Key").asText());
            if (!quiet) {
                deleted.addObject().put("Key", object.path("Key").asText());
            }
        }
        return output;
    }

    private JsonNode deleteBucket(ObjectNode input, RequestContext context) {
        Bucket bucket = store.bucket(context, bucketName(input));
        if (!bucket.objects.isEmpty()) {
            throw S3Errors.BUCKET_NOT_EMPTY.error("The bucket you tried to delete is not empty");
        }
        store.removeBucket(context, bucket);
        return JsonNodeFactory.instance.objectNode();
    }

    static String bucketName(ObjectNode input) {
        return Members.required(input, "Bucket", S3Errors.INVALID_REQUEST);
    }

    static String owner(RequestContext context) {
        return context.accountId();
    }

}
