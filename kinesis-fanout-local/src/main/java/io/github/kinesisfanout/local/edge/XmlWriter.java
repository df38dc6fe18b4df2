package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders output members as AWS XML: an object becomes child elements named after its members, an
 * array a list of items, a binary value base64 text, nulls are left out; {@link XmlShapes} says
 * where a service's model deviates from that.
 */
public final class XmlWriter {

    private final XmlShapes shapes;

    public XmlWriter(XmlShapes shapes) {
        this.shapes = shapes;
    }

    /** Appends the members of {@code object} as child elements. */
    public void writeMembers(StringBuilder xml, JsonNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            writeMember(xml, field.getKey(), field.getValue());
        }
    }

    private void writeMember(StringBuilder xml, String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isArray()) {
            if (shapes.flattened().contains(name)) {
                value.forEach(item -> writeElement(xml, name, item));
            } else {
                xml.append('<').append(name).append('>');
                String item = shapes.itemName(name);
                value.forEach(element -> writeElement(xml, item, element));
                xml.append("</").append(name).append('>');
            }
        } else if (value.isObject() && shapes.maps().contains(name)) {
            xml.append('<').append(name).append('>');
            value.fields().forEachRemaining(e -> {
                xml.append("<entry><key>").append(escape(e.getKey())).append("</key>");
                writeElement(xml, "value", e.getValue());
                xml.append("</entry>");
            });
            xml.append("</").append(name).append('>');
        } else {
            writeElement(xml, name, value);
        }
    }

    private void writeElement(StringBuilder xml, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        xml.append('<').append(name).append('>');
        if (value.isObject()) {
            writeMembers(xml, value);
        } else if (value.isArray()) {
            value.forEach(item -> writeElement(xml, "member", item));
        } else if (Timestamps.instantOf(value) != null) {
            // Query and REST-XML render timestamps as ISO-8601.
            xml.append(Timestamps.instantOf(value));
        } else if (value.isBinary()) {
            xml.append(Base64.getEncoder().encodeToString(binary(value)));
        } else {
            xml.append(escape(value.asText()));
        }
        xml.append("</").append(name).append('>');
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a binary node always has its bytes", e);
        }
    }

    /** Escapes text content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
