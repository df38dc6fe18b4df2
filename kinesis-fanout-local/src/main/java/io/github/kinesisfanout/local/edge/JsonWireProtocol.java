package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AWS JSON 1.0/1.1 protocol and its CBOR variant ({@code application/x-amz-cbor-1.1}, which the
 * AWS SDK for Java v2 uses for Kinesis by default): {@code POST /}, the operation in
 * {@code X-Amz-Target: <prefix>.<Operation>}, the input members as the body, the answer in the
 * request's format, errors as {@code {"__type": code, "message": text}} plus {@code X-Amzn-ErrorType}.
 */
public final class JsonWireProtocol implements WireProtocol {

    /** The CBOR content type of the AWS SDKs. */
    public static final String CBOR_CONTENT_TYPE = "application/x-amz-cbor-1.1";
    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Logger LOG = Logger.getLogger(JsonWireProtocol.class.getName());

    private final JsonFactory jsonFactory = new JsonFactory();
    private final CBORFactory cborFactory = new CBORFactory();

    @Override
    public EdgeResponse error(EdgeRequest request, AwsServiceException error, RequestContext context) {
        boolean cbor = isCbor(request);
        return error(error, cbor ? cborFactory : jsonFactory, responseType(request, cbor));
    }

    private static boolean isCbor(EdgeRequest request) {
        String contentType = request.header("content-type");
        return contentType != null && contentType.startsWith("application/x-amz-cbor");
    }

    private static String responseType(EdgeRequest request, boolean cbor) {
        String contentType = request.header("content-type");
        return cbor ? CBOR_CONTENT_TYPE
                : contentType != null && contentType.startsWith("application/x-amz-json") ? contentType
                : JSON_CONTENT_TYPE;
    }

    @Override
    public EdgeResponse handle(EdgeRequest request, AwsService service, RequestContext context) {
        boolean cbor = isCbor(request);
        String responseType = responseType(request, cbor);
        JsonFactory factory = cbor ? cborFactory : jsonFactory;
        try {
            String operation = operation(request.header("x-amz-target"), service);
            JsonNode output = invoke(service, operation, request.body(), factory, context);
            return encode(200, output == null ? JsonNodeFactory.instance.objectNode() : output,
                    factory, responseType, Map.of());
        } catch (AwsServiceException e) {
            return error(e, factory, responseType);
        } catch (RuntimeException e) {
            // An unexpected failure is reported like AWS reports its own: a 500 InternalFailure.
            LOG.log(Level.WARNING, "request " + context.requestId() + " failed", e);
            return error(InternalFailures.of(e, context), factory, responseType);
        }
    }

    private static String operation(String target, AwsService service) {
        if (target == null || target.indexOf('.') < 0) {
            throw ProtocolErrors.UNKNOWN_OPERATION.error(
                    "Missing or malformed X-Amz-Target header for service " + service.signingName()
                            + ": expected <TargetPrefix>.<Operation>");
        }
        return target.substring(target.lastIndexOf('.') + 1);
    }

    /** The operation's output: by its streamed form when it has one that takes the body, else from the tree. */
    private static JsonNode invoke(AwsService service, String operation, byte[] body, JsonFactory factory,
            RequestContext context) {
        StreamedOperation<?> streamed = body.length == 0 ? null : service.streamed(operation);
        JsonNode output = streamed == null ? null : invokeStreamed(streamed, body, factory, context);
        return output != null ? output : service.invoke(operation, decode(body, factory), context);
    }

    /** The streamed operation's output, never null; null when it did not take the body (nothing ran). */
    private static <T> JsonNode invokeStreamed(StreamedOperation<T> operation, byte[] body, JsonFactory factory,
            RequestContext context) {
        T input;
        try (JsonParser parser = factory.createParser(body)) {
            input = operation.read(parser);
            if (input == null || parser.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            // Malformed: the tree path reports it with its own message.
            return null;
        }
        JsonNode output = operation.invoke(input, context);
        return output == null ? JsonNodeFactory.instance.objectNode() : output;
    }

    private static ObjectNode decode(byte[] body, JsonFactory factory) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try (JsonParser parser = factory.createParser(body)) {
            JsonNode node = JsonTrees.read(parser);
            if (node == null) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw ProtocolErrors.SERIALIZATION.error(
                        "Expected a structure as the request body, found " + node.getNodeType());
            }
            if (parser.nextToken() != null) {
                throw ProtocolErrors.SERIALIZATION.error("Unexpected content after the request body's structure");
            }
            return (ObjectNode) node;
        } catch (NumberFormatException e) {
            // Jackson reports an out-of-range number (1e9999999999) this way rather than as a parse error.
            throw ProtocolErrors.SERIALIZATION.error("Malformed request body: a number is out of range");
        } catch (IOException e) {
            throw ProtocolErrors.SERIALIZATION.error(
                    "Malformed request body: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private EdgeResponse error(AwsServiceException e, JsonFactory factory, String responseType) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", e.errorCode());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        if (e.members() != null) {
            body.setAll(e.members());
        }
        return encode(e.httpStatus(), body, factory, responseType, Map.of("X-Amzn-ErrorType", e.errorCode()));
    }

    private static EdgeResponse encode(int status, JsonNode body, JsonFactory factory, String contentType,
            Map<String, String> extraHeaders) {
        // Segmented buffer: big answers (GetRecords: up to 10 MiB) are not copied at every doubling.
        ByteArrayBuilder bytes = new ByteArrayBuilder(null, 4096);
        try (JsonGenerator generator = factory.createGenerator(bytes)) {
            JsonTrees.write(body, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Content-Type", contentType);
        return new EdgeResponse(status, headers, bytes.toByteArray());
    }
}
