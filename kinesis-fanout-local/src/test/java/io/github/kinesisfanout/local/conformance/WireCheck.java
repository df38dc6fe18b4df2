package io.github.kinesisfanout.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Checks one recorded answer against its operation in the service's model, the way the service's
 * protocol (json, rest-json, query, rest-xml) lays it out; answers the problems found.
 */
final class WireCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceModel model;
    private final List<String> problems = new ArrayList<>();

    private WireCheck(ServiceModel model) {
        this.model = model;
    }

    static List<String> check(ServiceModel model, WireRecorder.Exchange exchange) {
        WireCheck check = new WireCheck(model);
        String where = model.service() + " " + exchange.operation() + " (" + exchange.status() + ")";
        try {
            check.run(exchange);
        } catch (Exception e) {
            check.problems.add("unreadable answer: " + e);
        }
        return check.problems.stream().map(p -> where + ": " + p).toList();
    }

    private void run(WireRecorder.Exchange exchange) throws Exception {
        String op = exchange.operation();
        if (!model.hasOperation(op)) {
            if (!NewerThanModel.operation(model.service(), op)) {
                problems.add("not an operation of the model");
            }
            return;
        }
        if (exchange.status() >= 400) {
            error(exchange);
            return;
        }
        String output = model.outputShape(op);
        switch (model.protocol()) {
            case "json" -> {
                if (output != null) {
                    problems.addAll(new JsonShapeCheck(model).check(output, MAPPER.readTree(exchange.body()), "$"));
                }
            }
            case "query" -> query(exchange, op, output);
            default -> rest(exchange, op, output);
        }
    }

    private void query(WireRecorder.Exchange exchange, String op, String output) throws Exception {
        Element root = parse(exchange.body());
        if (!root.getLocalName().equals(op + "Response")) {
            problems.add("root element <" + root.getLocalName() + ">, expected <" + op + "Response>");
        }
        String wrapper = model.resultWrapper(op);
        Element result = wrapper == null ? null : XmlShapeCheck.child(root, wrapper);
        if (wrapper != null && result == null) {
            problems.add("no <" + wrapper + "> element (botocore's parser requires it, even when empty)");
        } else if (result != null) {
            problems.addAll(new XmlShapeCheck(model).check(output, result, wrapper));
        }
        for (Element child : XmlShapeCheck.children(root)) {
            if (!child.getLocalName().equals("ResponseMetadata") && !child.getLocalName().equals(wrapper)) {
                problems.add("unexpected element <" + child.getLocalName() + "> in <" + root.getLocalName() + ">");
            }
        }
        Element metadata = XmlShapeCheck.child(root, "ResponseMetadata");
        if (metadata == null || XmlShapeCheck.child(metadata, "RequestId") == null) {
            problems.add("no <ResponseMetadata><RequestId>");
        }
    }

    private void rest(WireRecorder.Exchange exchange, String op, String output) throws Exception {
        int expected = model.operation(op).path("http").path("responseCode").asInt(200);
        if (exchange.status() != expected) {
            problems.add("HTTP status " + exchange.status() + ", the model says " + expected);
        }
        if (output == null) {
            return;
        }
        JsonNode shape = model.shape(output);
        headers(shape, exchange);
        String payload = shape.path("payload").asText(null);
        String bodyShape = output;
        if (payload != null) {
            bodyShape = shape.path("members").path(payload).path("shape").asText();
            if (!model.shape(bodyShape).path("type").asText().equals("structure")) {
                return;
            }
        }
        if (exchange.body().length == 0) {
            for (JsonNode required : model.shape(bodyShape).path("required")) {
                if (!model.shape(bodyShape).path("members").path(required.asText()).has("location")) {
                    problems.add(required.asText() + ": required by the model, missing (empty body)");
                }
            }
            return;
        }
        if (model.protocol().equals("rest-json")) {
            problems.addAll(new JsonShapeCheck(model).check(bodyShape, MAPPER.readTree(exchange.body()), "$"));
        } else {
            Element root = parse(exchange.body());
            problems.addAll(new XmlShapeCheck(model).check(bodyShape, root, root.getLocalName()));
        }
    }

    private void headers(JsonNode shape, WireRecorder.Exchange exchange) {
        Iterator<Map.Entry<String, JsonNode>> members = shape.path("members").fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!member.getValue().path("location").asText().equals("header")) {
                continue;
            }
            String value = exchange.header(member.getValue().path("locationName").asText());
            JsonNode target = model.shape(member.getValue().path("shape").asText());
            String type = target.path("type").asText();
            if (value == null) {
                continue;
            }
            if (type.equals("timestamp")) {
                if (!Timestamps.parsesHttpDate(value)) {
                    problems.add("header " + member.getKey() + ": '" + value + "' is not an HTTP date");
                }
            } else {
                new XmlShapeCheck(model).scalar(member.getValue().path("shape").asText(), target, type, value,
                        "header " + member.getKey());
            }
        }
    }

    private void error(WireRecorder.Exchange exchange) throws Exception {
        String code = switch (model.protocol()) {
            case "json" -> MAPPER.readTree(exchange.body()).path("__type").asText();
            case "rest-json" -> exchange.header("x-amzn-ErrorType");
            default -> exchange.body().length == 0 ? null : queryErrorCode(parse(exchange.body()));
        };
        if (code == null) {
            if (!exchange.headers().isEmpty() && model.protocol().equals("rest-xml")) {
                return; // HEAD answers carry no body
            }
            problems.add("no error code");
            return;
        }
        code = code.substring(code.lastIndexOf('#') + 1);
        code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
        Set<String> allowed = model.errorCodes(exchange.operation());
        if (!allowed.contains(code) && !ErrorCodes.COMMON.contains(code)
                && !(model.protocol().equals("rest-xml") && ErrorCodes.S3.contains(code))) {
            problems.add("error code " + code + " is neither listed for the operation " + allowed
                    + " nor a common error");
        }
    }

    private String queryErrorCode(Element root) {
        Element error = root.getLocalName().equals("Error") ? root : XmlShapeCheck.child(root, "Error");
        if (error == null || XmlShapeCheck.child(error, "Code") == null) {
            problems.add("error body without <Error><Code>");
            return null;
        }
        if (model.protocol().equals("query") && XmlShapeCheck.child(root, "RequestId") == null) {
            problems.add("error body without <RequestId>");
        }
        return XmlShapeCheck.child(error, "Code").getTextContent();
    }

    private static Element parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
    }
}
