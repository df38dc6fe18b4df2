package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RestXmlBinding.Answer;
import io.github.kinesisfanout.local.edge.RestXmlBinding.DocumentAnswer;
import io.github.kinesisfanout.local.edge.RestXmlBinding.RawAnswer;
import io.github.kinesisfanout.local.edge.XmlShapes;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * How S3 answers each operation: no content, headers alone, an object's bytes, or an XML document under
 * the root element S3's model names ({@code OperationResult} unless listed).
 */
final class S3Responses {

    /** The XML shapes of S3's documents: {@code Buckets} holds {@code Bucket} items; the listed lists are flat. */
    static final XmlShapes SHAPES = new XmlShapes(Map.of("Buckets", "Bucket"),
            Set.of("Contents", "CommonPrefixes", "Deleted", "Errors"), Set.of());
    /** Root element of each XML output whose name is not the operation's followed by {@code Result}. */
    private static final Map<String, String> ROOTS = Map.of(
            "ListBuckets", "ListAllMyBucketsResult", "ListObjectsV2", "ListBucketResult",
            "ListObjects", "ListBucketResult", "CreateMultipartUpload", "InitiateMultipartUploadResult",
            "DeleteObjects", "DeleteResult", "CopyObject", "CopyObjectResult");
    /** Operations whose success has no content. */
    private static final Set<String> NO_CONTENT = Set.of("DeleteBucket", "DeleteObject", "AbortMultipartUpload");
    /** Operations whose output travels in headers alone. */
    private static final Set<String> HEADERS_ONLY = Set.of("HeadObject", "HeadBucket", "PutObject", "CreateBucket",
            "UploadPart");

    private S3Responses() {
    }

    static Answer answer(String operation, JsonNode output) {
        if (NO_CONTENT.contains(operation)) {
            return new RawAnswer(204, Map.of(), new byte[0]);
        }
        if (operation.equals("GetObject")) {
            // A ranged GET answers 206 Partial Content with its Content-Range.
            int status = output.has("ContentRange") ? 206 : 200;
            return new RawAnswer(status, S3Headers.writeHeaders(output), binary(output.get("Body")));
        }
        if (HEADERS_ONLY.contains(operation)) {
            return new RawAnswer(200, S3Headers.writeHeaders(output), new byte[0]);
        }
        if (operation.equals("GetBucketLocation")) {
            return new DocumentAnswer("LocationConstraint", output.path("LocationConstraint"));
        }
        return new DocumentAnswer(ROOTS.getOrDefault(operation, operation + "Result"), withoutHeaders(output));
    }

    private static JsonNode withoutHeaders(JsonNode output) {
        if (!output.isObject() || !output.has("ContentLength")) {
            return output;
        }
        ObjectNode copy = ((ObjectNode) output).deepCopy();
        copy.remove("ContentLength");
        return copy;
    }

    private static byte[] binary(JsonNode body) {
        try {
            return body == null || body.isNull() ? new byte[0] : body.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException("GetObject's Body is binary", e);
        }
    }
}
