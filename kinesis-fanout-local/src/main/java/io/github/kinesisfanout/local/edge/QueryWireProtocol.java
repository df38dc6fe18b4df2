package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AWS Query protocol (IAM, STS, CloudFormation): {@code Action=Op&Version=...} with flattened
 * members in a form body or the query string, answered with
 * {@code <OpResponse xmlns=NS><OpResult>...</OpResult><ResponseMetadata>...} and errors as
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 */
public final class QueryWireProtocol implements WireProtocol {

    private static final Logger LOG = Logger.getLogger(QueryWireProtocol.class.getName());
    private final String xmlNamespace;
    private final XmlWriter writer;
    private final Set<String> emptyResults;

    /**
     * @param xmlNamespace the service's XML namespace, e.g. {@code https://iam.amazonaws.com/doc/2010-05-08/}
     * @param shapes where the service's output deviates from objects-as-elements and {@code <member>} lists
     * @param emptyResults actions whose output shape has no members: their {@code <OpResult/>} is still
     *     written, as AWS does and as the AWS CLI's parser requires (e.g. ExecuteChangeSet)
     */
    public QueryWireProtocol(String xmlNamespace, XmlShapes shapes, Set<String> emptyResults) {
        this.xmlNamespace = xmlNamespace;
        this.writer = new XmlWriter(shapes);
        this.emptyResults = Set.copyOf(emptyResults);
    }

    public QueryWireProtocol(String xmlNamespace, Set<String> emptyResults) {
        this(xmlNamespace, XmlShapes.NONE, emptyResults);
    }

    public QueryWireProtocol(String xmlNamespace, XmlShapes shapes) {
        this(xmlNamespace, shapes, Set.of());
    }

    public QueryWireProtocol(String xmlNamespace) {
        this(xmlNamespace, XmlShapes.NONE);
    }

    @Override
    public EdgeResponse handle(EdgeRequest request, AwsService service, RequestContext context) {
        try {
            Map<String, String> params = new LinkedHashMap<>();
            request.query().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
            params.putAll(QueryParameters.parseForm(new String(request.body(), StandardCharsets.UTF_8)));
            String action = params.remove("Action");
            params.remove("Version");
            if (action == null || action.isEmpty()) {
                return error(ProtocolErrors.MISSING_ACTION.error("Missing Action"), context);
            }
            ObjectNode input = QueryParameters.toMembers(params);
            return success(action, service.invoke(action, input, context), context);
        } catch (AwsServiceException e) {
            return error(e, context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + context.requestId() + " failed", e);
            return error(InternalFailures.of(e, context), context);
        }
    }

    /** The XML body of a successful call, also usable by callers that render outside HTTP. */
    public String render(String action, JsonNode output, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.append('<').append(action).append("Response xmlns=\"").append(xmlNamespace).append("\">");
        if (output != null && output.isObject() && !output.isEmpty()) {
            xml.append('<').append(action).append("Result>");
            writer.writeMembers(xml, output);
            xml.append("</").append(action).append("Result>");
        } else if (emptyResults.contains(action)) {
            xml.append('<').append(action).append("Result/>");
        }
        xml.append("<ResponseMetadata><RequestId>").append(XmlWriter.escape(requestId))
                .append("</RequestId></ResponseMetadata>");
        xml.append("</").append(action).append("Response>");
        return xml.toString();
    }

    private EdgeResponse success(String action, JsonNode output, RequestContext context) {
        return xml(200, render(action, output, context.requestId()));
    }

    @Override
    public EdgeResponse error(EdgeRequest request, AwsServiceException error, RequestContext context) {
        return error(error, context);
    }

    private EdgeResponse error(AwsServiceException e, RequestContext context) {
        String type = e.httpStatus() >= 500 ? "Receiver" : "Sender";
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"" + xmlNamespace + "\">"
                + "<Error><Type>" + type + "</Type><Code>" + XmlWriter.escape(e.errorCode()) + "</Code><Message>"
                + XmlWriter.escape(String.valueOf(e.getMessage())) + "</Message></Error><RequestId>"
                + XmlWriter.escape(context.requestId()) + "</RequestId></ErrorResponse>";
        return xml(e.httpStatus(), body);
    }

    private static EdgeResponse xml(int status, String body) {
        return new EdgeResponse(status, Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8));
    }
}
