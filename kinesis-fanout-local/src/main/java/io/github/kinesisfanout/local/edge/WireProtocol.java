package io.github.kinesisfanout.local.edge;

/**
 * One AWS wire protocol (JSON 1.1 and CBOR, Query with XML, REST-JSON, REST-XML): decodes a request
 * into an operation and its input members, calls the service, encodes its output or its error the
 * way that protocol renders them. Codecs never see a service's models, only its {@link AwsService}.
 */
public interface WireProtocol {

    EdgeResponse handle(EdgeRequest request, AwsService service, RequestContext context);
}
