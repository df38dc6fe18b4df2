package io.github.kinesisfanout.local.edge;

/**
 * One AWS wire protocol (JSON 1.1 and CBOR, Query with XML, REST-JSON, REST-XML): decodes a request
 * into an operation and its input members, calls the service, encodes its output or its error the
 * way that protocol renders them. Codecs never see a service's models, only its {@link AwsService}.
 */
public interface WireProtocol {

    EdgeResponse handle(EdgeRequest request, AwsService service, RequestContext context);

    /**
     * An error in this protocol's error shape, for failures the edge finds before a service is called
     * (an oversized body, a bad signature, no free worker); JSON 1.1's shape unless overridden.
     */
    default EdgeResponse error(EdgeRequest request, AwsServiceException error, RequestContext context) {
        com.fasterxml.jackson.databind.node.ObjectNode body =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("__type", error.errorCode());
        body.put("message", error.getMessage());
        return new EdgeResponse(error.httpStatus(), java.util.Map.of("Content-Type", "application/json",
                "X-Amzn-ErrorType", error.errorCode()), body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
