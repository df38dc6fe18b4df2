package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The REST-JSON protocol (Lambda): a route table maps method and path to the operation; path
 * labels, query parameters (named as their members), bound headers and the JSON body (or raw
 * payload) make the input; errors carry {@code x-amzn-ErrorType} and
 * {@code {"Type":"User","message":...}}.
 */
public final class RestJsonProtocol implements WireProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(RestJsonProtocol.class.getName());
    private final String serviceName;
    private final List<RestRoute> routes;

    /**
     * @param serviceName the name used in "not supported" errors, e.g. {@code Lambda}
     * @param routes the operations, tried in order
     */
    public RestJsonProtocol(String serviceName, List<RestRoute> routes) {
        this.serviceName = serviceName;
        this.routes = List.copyOf(routes);
    }

    @Override
    public EdgeResponse handle(EdgeRequest request, AwsService service, RequestContext context) {
        try {
            for (RestRoute route : routes) {
                Map<String, String> labels = route.match(request.method(), request.path());
                if (labels != null) {
                    JsonNode output = service.invoke(route.operation(), input(route, request, labels), context);
                    return output(route, output);
                }
            }
            throw AwsServiceException.notSupported(serviceName, request.method() + " " + request.path());
        } catch (AwsServiceException e) {
            return error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + context.requestId() + " failed", e);
            return error(InternalFailures.of(ProtocolErrors.SERVICE, e, context));
        }
    }

    @Override
    public EdgeResponse error(EdgeRequest request, AwsServiceException error, RequestContext context) {
        return error(error);
    }

    private static ObjectNode input(RestRoute route, EdgeRequest request, Map<String, String> labels) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        if (route.inputPayload() != null) {
            input.put(route.inputPayload(), request.body());
        } else if (request.body().length > 0) {
            try {
                JsonNode body = JSON.readTree(request.body());
                if (body != null && body.isObject()) {
                    input.setAll((ObjectNode) body);
                }
            } catch (IOException e) {
                throw ProtocolErrors.INVALID_REQUEST_CONTENT.error(
                        "Could not parse request body into json: " + e.getMessage());
            }
        }
        request.query().forEach((name, values) -> {
            if (!values.isEmpty()) {
                input.put(name, values.get(0));
            }
        });
        route.inputHeaders().forEach((header, member) -> {
            String value = request.header(header);
            if (value != null) {
                input.put(member, value);
            }
        });
        labels.forEach(input::put);
        return input;
    }

    private static EdgeResponse output(RestRoute route, JsonNode output) {
        Map<String, String> headers = new HashMap<>();
        ObjectNode body = output.isObject() ? ((ObjectNode) output).deepCopy() : JsonNodeFactory.instance.objectNode();
        route.outputHeaders().forEach((member, header) -> {
            JsonNode value = body.remove(member);
            if (value != null && !value.isNull()) {
                headers.put(header, value.asText());
            }
        });
        int status = route.status();
        if (route.statusMember() != null && body.has(route.statusMember())) {
            status = body.remove(route.statusMember()).asInt(status);
        }
        if (route.outputPayload() != null) {
            JsonNode payload = body.get(route.outputPayload());
            byte[] bytes = payload == null || payload.isNull() ? new byte[0] : binary(payload);
            if (bytes.length > 0) {
                headers.put("Content-Type", "application/json");
            }
            return new EdgeResponse(status, headers, bytes);
        }
        if (status == 204) {
            return new EdgeResponse(status, headers, new byte[0]);
        }
        headers.put("Content-Type", "application/json");
        return new EdgeResponse(status, headers, json(body));
    }

    private static EdgeResponse error(AwsServiceException e) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Type", e.httpStatus() >= 500 ? "Service" : "User");
        body.put("message", e.getMessage());
        return new EdgeResponse(e.httpStatus(), Map.of("x-amzn-ErrorType", e.errorCode(),
                "Content-Type", "application/json"), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON document, timestamps as epoch seconds (the REST-JSON default). */
    private static byte[] json(JsonNode body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            JsonTrees.write(body, generator);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.isBinary() ? node.binaryValue() : node.asText().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a binary node has its bytes", e);
        }
    }
}
