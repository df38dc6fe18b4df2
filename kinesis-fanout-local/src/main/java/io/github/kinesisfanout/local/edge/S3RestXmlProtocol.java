package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Amazon S3's REST-XML protocol: the operation comes from method, path and sub-resource; object
 * bodies travel raw with their members in headers; other outputs are XML documents in S3's
 * namespace; errors are {@code <Error><Code/><Message/><RequestId/></Error>} (no body for HEAD).
 */
public final class S3RestXmlProtocol implements WireProtocol {

    private static final Logger LOG = Logger.getLogger(S3RestXmlProtocol.class.getName());
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    /** Root element of each XML output. */
    private static final Map<String, String> ROOTS = Map.of(
            "ListBuckets", "ListAllMyBucketsResult", "ListObjectsV2", "ListBucketResult",
            "ListObjects", "ListBucketResult", "CreateMultipartUpload", "InitiateMultipartUploadResult",
            "DeleteObjects", "DeleteResult", "CopyObject", "CopyObjectResult");
    /** Operations whose success has no content. */
    private static final Set<String> NO_CONTENT = Set.of("DeleteBucket", "DeleteObject", "AbortMultipartUpload");
    private static final XmlWriter WRITER = new XmlWriter(new XmlShapes(Map.of("Buckets", "Bucket"),
            Set.of("Contents", "CommonPrefixes", "Deleted", "Errors"), Set.of()));
    private final RestXmlBinding binding;

    /** @param binding S3's requests and response headers (the s3 package's {@code S3Requests}) */
    public S3RestXmlProtocol(RestXmlBinding binding) {
        this.binding = binding;
    }

    @Override
    public EdgeResponse handle(EdgeRequest request, AwsService service, RequestContext context) {
        try {
            RestXmlBinding.Call call = binding.read(request);
            JsonNode output = service.invoke(call.operation(), call.input(), context);
            return encode(call.operation(), output);
        } catch (AwsServiceException e) {
            return error(request, e, context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + context.requestId() + " failed", e);
            return error(request, InternalFailures.of(ProtocolErrors.S3_INTERNAL_ERROR, e, context), context);
        }
    }

    private EdgeResponse encode(String operation, JsonNode output) {
        if (NO_CONTENT.contains(operation)) {
            return new EdgeResponse(204, Map.of(), new byte[0]);
        }
        Map<String, String> headers = new HashMap<>(binding.responseHeaders(output));
        switch (operation) {
            case "GetObject" -> {
                // A ranged GET answers 206 Partial Content with its Content-Range.
                int status = output.has("ContentRange") ? 206 : 200;
                return new EdgeResponse(status, headers, binary(output.get("Body")));
            }
            case "HeadObject", "HeadBucket", "PutObject", "CreateBucket", "UploadPart" -> {
                return new EdgeResponse(200, headers, new byte[0]);
            }
            case "GetBucketLocation" -> {
                return xml(200, "<LocationConstraint xmlns=\"" + NAMESPACE + "\">"
                        + XmlWriter.escape(output.path("LocationConstraint").asText()) + "</LocationConstraint>");
            }
            default -> {
                String root = ROOTS.getOrDefault(operation, operation + "Result");
                StringBuilder xml = new StringBuilder("<" + root + " xmlns=\"" + NAMESPACE + "\">");
                WRITER.writeMembers(xml, withoutHeaders(output));
                return xml(200, xml.append("</").append(root).append('>').toString());
            }
        }
    }

    private static JsonNode withoutHeaders(JsonNode output) {
        if (!output.isObject() || !output.has("ContentLength")) {
            return output;
        }
        ObjectNode copy = ((ObjectNode) output).deepCopy();
        copy.remove("ContentLength");
        return copy;
    }

    @Override
    public EdgeResponse error(EdgeRequest request, AwsServiceException e, RequestContext context) {
        if (request.method().equals("HEAD")) {
            // HEAD responses carry no body: clients read the status code alone.
            return new EdgeResponse(e.httpStatus(), Map.of("x-amz-error-code", e.errorCode()), new byte[0]);
        }
        return xml(e.httpStatus(), "<Error><Code>" + XmlWriter.escape(e.errorCode()) + "</Code><Message>"
                + XmlWriter.escape(String.valueOf(e.getMessage())) + "</Message><RequestId>"
                + XmlWriter.escape(context.requestId()) + "</RequestId><HostId>"
                + XmlWriter.escape(context.requestId()) + "</HostId></Error>");
    }

    private static EdgeResponse xml(int status, String body) {
        return new EdgeResponse(status, Map.of("Content-Type", "application/xml"),
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] binary(JsonNode body) {
        try {
            return body == null || body.isNull() ? new byte[0] : body.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException("GetObject's Body is binary", e);
        }
    }
}
