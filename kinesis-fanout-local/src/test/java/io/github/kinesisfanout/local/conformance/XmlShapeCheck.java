package io.github.kinesisfanout.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks an XML element (Query and REST-XML bodies) against a model shape: child elements named
 * after the shape's members (or their {@code locationName}), lists as {@code <member>} items or
 * flattened, maps as {@code <entry><key/><value/>}, scalars parsing as the model's type, enums,
 * required members present.
 */
final class XmlShapeCheck {

    private final ServiceModel model;
    private final List<String> problems = new ArrayList<>();

    XmlShapeCheck(ServiceModel model) {
        this.model = model;
    }

    List<String> check(String shapeName, Element element, String path) {
        visit(shapeName, element, path, 0);
        return problems;
    }

    private void visit(String shapeName, Element element, String path, int depth) {
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asText();
        if (depth > 40) {
            return;
        }
        switch (type) {
            case "structure" -> structure(shapeName, shape, element, path, depth);
            case "list" -> {
                JsonNode member = shape.path("member");
                String item = member.path("locationName").asText("member");
                for (Element child : children(element)) {
                    if (!child.getLocalName().equals(item)) {
                        problems.add(path + "." + child.getLocalName() + ": list items are <" + item + ">");
                    } else {
                        visit(member.path("shape").asText(), child, path + "." + item, depth + 1);
                    }
                }
            }
            case "map" -> {
                for (Element entry : children(element)) {
                    Element value = child(entry, shape.path("value").path("locationName").asText("value"));
                    if (!entry.getLocalName().equals("entry") || child(entry, "key") == null || value == null) {
                        problems.add(path + ": map items are <entry><key/><value/></entry>");
                    } else {
                        visit(shape.path("value").path("shape").asText(), value, path + ".value", depth + 1);
                    }
                }
            }
            default -> scalar(shapeName, shape, type, element.getTextContent(), path);
        }
    }

    private void structure(String shapeName, JsonNode shape, Element element, String path, int depth) {
        JsonNode members = shape.path("members");
        List<String> seen = new ArrayList<>();
        for (Element child : children(element)) {
            String name = child.getLocalName();
            String member = memberOf(members, name);
            if (member == null && NewerThanModel.member(model.service(), shapeName, name)) {
                continue;
            }
            if (member == null) {
                problems.add(path + "." + name + ": not a member of the model's shape");
                continue;
            }
            seen.add(member);
            JsonNode target = members.path(member);
            String targetShape = target.path("shape").asText();
            if (flattened(target)) {
                JsonNode item = model.shape(targetShape).path("member");
                visit(item.path("shape").asText(), child, path + "." + name, depth + 1);
            } else {
                visit(targetShape, child, path + "." + name, depth + 1);
            }
        }
        for (JsonNode required : shape.path("required")) {
            if (!members.path(required.asText()).has("location") && !seen.contains(required.asText())) {
                problems.add(path + "." + required.asText() + ": required by the model, missing");
            }
        }
    }

    private boolean flattened(JsonNode member) {
        return member.path("flattened").asBoolean() || model.shape(member.path("shape").asText()).path("flattened")
                .asBoolean();
    }

    private static String memberOf(JsonNode members, String elementName) {
        var names = members.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode member = members.path(name);
            if (member.has("location")) {
                continue;
            }
            if (member.path("locationName").asText(name).equals(elementName)) {
                return name;
            }
        }
        return null;
    }

    void scalar(String shapeName, JsonNode shape, String type, String text, String path) {
        boolean ok = switch (type) {
            case "integer", "long" -> text.matches("-?\\d+");
            case "float", "double" -> text.matches("-?[0-9.eE+-]+");
            case "boolean" -> text.equals("true") || text.equals("false");
            case "timestamp" -> Timestamps.parses(text);
            case "blob" -> base64(text);
            default -> true;
        };
        if (!ok) {
            problems.add(path + ": expected " + type + " (" + shapeName + "), found '"
                    + JsonShapeCheck.abbreviate(text) + "'");
        } else if (shape.has("enum") && !JsonShapeCheck.contains(shape.path("enum"), text)
                && !NewerThanModel.enumValue(shapeName, text)) {
            problems.add(path + ": '" + text + "' is not in the model's enum " + shapeName + " " + shape.path("enum"));
        }
    }

    private static boolean base64(String text) {
        try {
            Base64.getMimeDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    static Element child(Element element, String name) {
        return children(element).stream().filter(c -> c.getLocalName().equals(name)).findFirst().orElse(null);
    }
}
