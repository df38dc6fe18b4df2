package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.EdgeRequest;
import io.github.kinesisfanout.local.edge.RestXmlBinding;
import io.github.kinesisfanout.local.edge.S3RestXmlProtocol;
import io.github.kinesisfanout.local.edge.XmlShapes;
import io.github.kinesisfanout.local.edge.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an S3 REST request (path-style {@code /bucket/key}, or virtual-hosted
 * {@code bucket.localhost}): which operation it is and its input members from path, query,
 * headers and body; and how S3 answers each operation ({@link S3Responses}).
 */
public final class S3Requests implements RestXmlBinding {

    /** Query sub-resources that name an S3 operation the local cloud does not implement. */
    private static final Map<String, String> SUBRESOURCES = Map.ofEntries(
            Map.entry("acl", "Acl"), Map.entry("tagging", "Tagging"), Map.entry("policy", "BucketPolicy"),
            Map.entry("cors", "BucketCors"), Map.entry("lifecycle", "BucketLifecycleConfiguration"),
            Map.entry("versioning", "BucketVersioning"),
            Map.entry("notification", "BucketNotificationConfiguration"), Map.entry("website", "BucketWebsite"),
            Map.entry("encryption", "BucketEncryption"), Map.entry("versions", "ObjectVersions"),
            Map.entry("ownershipControls", "BucketOwnershipControls"),
            Map.entry("publicAccessBlock", "PublicAccessBlock"), Map.entry("object-lock", "ObjectLockConfiguration"),
            Map.entry("attributes", "ObjectAttributes"), Map.entry("retention", "ObjectRetention"));
    private static final Pattern VIRTUAL_HOST = Pattern.compile("^([a-z0-9][a-z0-9.-]+)\\.(?:s3\\.)?localhost(?::\\d+)?$");
    private static final Pattern LOCATION = Pattern.compile("<LocationConstraint>([^<]*)</LocationConstraint>");
    private static final Pattern PART = Pattern.compile("<Part>(.*?)</Part>", Pattern.DOTALL);
    private static final Pattern PART_NUMBER = Pattern.compile("<PartNumber>\\s*(\\d+)\\s*</PartNumber>");
    private static final Pattern ETAG = Pattern.compile("<ETag>([^<]*)</ETag>");
    private static final Pattern OBJECT_KEY = Pattern.compile("<Object>\\s*<Key>([^<]*)</Key>");
    private static final Pattern QUIET = Pattern.compile("<Quiet>\\s*true\\s*</Quiet>");

    private S3Requests() {
    }

    /** S3's protocol: REST-XML with these requests. */
    public static S3RestXmlProtocol protocol() {
        return new S3RestXmlProtocol(new S3Requests());
    }

    @Override
    public Answer answer(String operation, JsonNode output) {
        return S3Responses.answer(operation, output);
    }

    @Override
    public XmlShapes shapes() {
        return S3Responses.SHAPES;
    }

    @Override
    public Call read(EdgeRequest request) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
        String bucket;
        String key;
        Matcher host = VIRTUAL_HOST.matcher(String.valueOf(request.header("host")).toLowerCase(Locale.ROOT));
        if (host.matches()) {
            bucket = host.group(1);
            key = path;
        } else {
            int slash = path.indexOf('/');
            bucket = slash < 0 ? path : path.substring(0, slash);
            key = slash < 0 ? "" : path.substring(slash + 1);
        }
        String method = request.method();
        for (String name : request.query().keySet()) {
            if (!key(path, host.matches()).isEmpty() && (name.equals("uploads") || name.equals("uploadId"))) {
                continue;
            }
            if (SUBRESOURCES.containsKey(name)) {
                throw AwsServiceException.notSupported("S3", verb(method) + SUBRESOURCES.get(name));
            }
        }
        if (bucket.isEmpty()) {
            if (!method.equals("GET")) {
                throw AwsServiceException.notSupported("S3", method + " /");
            }
            return new Call("ListBuckets", input);
        }
        input.put("Bucket", bucket);
        if (key.isEmpty()) {
            return bucketCall(request, method, input);
        }
        input.put("Key", key);
        S3Headers.readObjectHeaders(request, input);
        Call multipart = multipartCall(request, method, input);
        if (multipart != null) {
            return multipart;
        }
        return switch (method) {
            case "PUT" -> {
                String source = request.header("x-amz-copy-source");
                if (source != null) {
                    input.put("CopySource", java.net.URLDecoder.decode(source.replace("+", "%2B"), StandardCharsets.UTF_8));
                    String directive = request.header("x-amz-metadata-directive");
                    if (directive != null) {
                        input.put("MetadataDirective", directive);
                    }
                    yield new Call("CopyObject", input);
                }
                S3Headers.readBody(request, input);
                yield new Call("PutObject", input);
            }
            case "GET" -> new Call("GetObject", input);
            case "HEAD" -> new Call("HeadObject", input);
            case "DELETE" -> new Call("DeleteObject", input);
            default -> throw AwsServiceException.notSupported("S3", method + " object");
        };
    }

    private static Call bucketCall(EdgeRequest request, String method, ObjectNode input) {
        switch (method) {
            case "PUT" -> {
                Matcher location = LOCATION.matcher(new String(request.body(), StandardCharsets.UTF_8));
                if (location.find()) {
                    input.putObject("CreateBucketConfiguration").put("LocationConstraint", location.group(1));
                }
                return new Call("CreateBucket", input);
            }
            case "HEAD" -> {
                return new Call("HeadBucket", input);
            }
            case "POST" -> {
                if (!request.query().containsKey("delete")) {
                    throw AwsServiceException.notSupported("S3", "POST bucket");
                }
                // DeleteObjects: <Delete><Object><Key>k</Key></Object>...<Quiet>true</Quiet></Delete>
                S3Headers.readBody(request, input);
                String xml = new String(binary(input.remove("Body")), StandardCharsets.UTF_8);
                var delete = input.putObject("Delete");
                var objects = delete.putArray("Objects");
                Matcher key = OBJECT_KEY.matcher(xml);
                while (key.find()) {
                    objects.addObject().put("Key", XmlText.unescape(key.group(1)));
                }
                delete.put("Quiet", QUIET.matcher(xml).find());
                return new Call("DeleteObjects", input);
            }
            case "DELETE" -> {
                return new Call("DeleteBucket", input);
            }
            case "GET" -> {
                if (request.query().containsKey("location")) {
                    return new Call("GetBucketLocation", input);
                }
                copy(request, "prefix", input, "Prefix");
                copy(request, "delimiter", input, "Delimiter");
                copy(request, "max-keys", input, "MaxKeys");
                copy(request, "encoding-type", input, "EncodingType");
                if ("2".equals(request.queryParam("list-type"))) {
                    copy(request, "continuation-token", input, "ContinuationToken");
                    copy(request, "start-after", input, "StartAfter");
                    copy(request, "fetch-owner", input, "FetchOwner");
                    return new Call("ListObjectsV2", input);
                }
                copy(request, "marker", input, "Marker");
                return new Call("ListObjects", input);
            }
            default -> throw AwsServiceException.notSupported("S3", method + " bucket");
        }
    }

    private static String key(String path, boolean virtualHost) {
        int slash = path.indexOf('/');
        return virtualHost ? path : slash < 0 ? "" : path.substring(slash + 1);
    }

    /** The multipart upload operations, told apart by the uploads / uploadId sub-resources; null for others. */
    private static Call multipartCall(EdgeRequest request, String method, ObjectNode input) {
        if (request.query().containsKey("uploads") && method.equals("POST")) {
            return new Call("CreateMultipartUpload", input);
        }
        String uploadId = request.queryParam("uploadId");
        if (uploadId == null) {
            return null;
        }
        input.put("UploadId", uploadId);
        switch (method) {
            case "PUT" -> {
                input.put("PartNumber", String.valueOf(request.queryParam("partNumber")));
                S3Headers.readBody(request, input);
                return new Call("UploadPart", input);
            }
            case "POST" -> {
                var parts = input.putObject("MultipartUpload").putArray("Parts");
                Matcher part = PART.matcher(new String(request.body(), StandardCharsets.UTF_8));
                while (part.find()) {
                    Matcher number = PART_NUMBER.matcher(part.group(1));
                    Matcher eTag = ETAG.matcher(part.group(1));
                    parts.addObject().put("PartNumber", number.find() ? number.group(1) : "0")
                            .put("ETag", eTag.find() ? XmlText.unescape(eTag.group(1)).trim() : "");
                }
                return new Call("CompleteMultipartUpload", input);
            }
            case "DELETE" -> {
                return new Call("AbortMultipartUpload", input);
            }
            default -> throw AwsServiceException.notSupported("S3", "ListParts");
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the body is binary", e);
        }
    }

    private static void copy(EdgeRequest request, String param, ObjectNode input, String member) {
        String value = request.queryParam(param);
        if (value != null) {
            input.put(member, value);
        }
    }

    private static String verb(String method) {
        return switch (method) {
            case "GET", "HEAD" -> "Get";
            case "PUT" -> "Put";
            case "DELETE" -> "Delete";
            default -> "Create";
        };
    }
}
