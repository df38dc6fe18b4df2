package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Amazon S3's REST-XML protocol: the binding beside the service says which operation a request is and
 * how its output travels (object bodies raw with their members in headers, other outputs XML documents
 * in S3's namespace); errors are {@code <Error><Code/><Message/><RequestId/></Error>} (no body for HEAD).
 */
public final class S3RestXmlProtocol implements WireProtocol {

    private static final Logger LOG = Logger.getLogger(S3RestXmlProtocol.class.getName());
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private final RestXmlBinding binding;
    private final XmlWriter writer;

    /** @param binding S3's requests and answers (the s3 package's {@code S3Requests}) */
    public S3RestXmlProtocol(RestXmlBinding binding) {
        this.binding = binding;
        this.writer = new XmlWriter(binding.shapes());
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
        RestXmlBinding.Answer answer = binding.answer(operation, output);
        if (answer instanceof RestXmlBinding.RawAnswer raw) {
            return new EdgeResponse(raw.status(), raw.headers(), raw.body());
        }
        RestXmlBinding.DocumentAnswer document = (RestXmlBinding.DocumentAnswer) answer;
        String root = document.root();
        StringBuilder xml = new StringBuilder("<" + root + " xmlns=\"" + NAMESPACE + "\">");
        if (document.content().isValueNode()) {
            xml.append(XmlWriter.escape(document.content().asText()));
        } else {
            writer.writeMembers(xml, document.content());
        }
        xml.append("</").append(root).append('>');
        return xml(200, xml.toString());
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
        return new EdgeResponse(status, Map.of("Content-Type", "application/xml"), prolog(body));
    }

    private static byte[] prolog(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
    }
}
