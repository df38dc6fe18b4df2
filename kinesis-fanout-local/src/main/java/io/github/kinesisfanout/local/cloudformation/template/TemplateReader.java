package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a template body, JSON or YAML, into a tree where every YAML short-form tag ({@code !Ref},
 * {@code !GetAtt A.B}, {@code !Sub}, ...) is already rewritten to its long form ({@code {"Ref": ..}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}), so the rest of the model only knows the JSON shape.
 *
 * <p>Jackson's YAML parser (SnakeYAML underneath) reports a node's tag as its type id without the
 * leading {@code !}; implicit YAML timestamps stay text, so {@code 2010-09-09} stays a version string.
 */
public final class TemplateReader {

    private static final Set<String> FN_TAGS = Set.of("GetAtt", "Sub", "Join", "Select", "Split",
            "If", "Equals", "And", "Or", "Not", "FindInMap", "GetAZs", "ImportValue", "Base64",
            "Cidr", "Transform", "ToJsonString", "Length");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json = new ObjectMapper();
    private final YAMLFactory yaml = new YAMLFactory();

    /** Parses the body; a body that starts with '{' is JSON, anything else YAML. */
    public JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new TemplateException("Template format error: template body is empty");
        }
        try {
            if (body.stripLeading().startsWith("{")) {
                return json.readTree(body);
            }
            try (JsonParser parser = yaml.createParser(body)) {
                if (parser.nextToken() == null) {
                    throw new TemplateException("Template format error: template body is empty");
                }
                return readValue(parser);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new TemplateException("Template format error: not well-formed JSON or YAML" + where
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TemplateException("Template format error: " + e.getMessage());
        }
    }

    private JsonNode readValue(JsonParser parser) throws IOException {
        String tag = parser.getTypeId() instanceof String s ? s : null;
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new TemplateException("Template format error: unexpected "
                    + parser.currentToken() + " at line " + parser.currentLocation().getLineNr());
        };
        return tag == null ? value : expandTag(tag, value, parser);
    }

    private ObjectNode readObject(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, readValue(parser));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser));
        }
        return array;
    }

    /** Rewrites one short-form tag to the long form AWS documents for it. */
    private JsonNode expandTag(String tag, JsonNode value, JsonParser parser) {
        ObjectNode expanded = NODES.objectNode();
        if (tag.equals("Ref") || tag.equals("Condition")) {
            expanded.set(tag, value);
        } else if (tag.equals("GetAtt") && value.isTextual()) {
            // !GetAtt Resource.Attribute: the first dot separates the resource from the attribute
            // (attributes such as Endpoint.Address keep their dots).
            String text = value.asText();
            int dot = text.indexOf('.');
            if (dot <= 0) {
                throw new TemplateException("Template error: every Fn::GetAtt object requires two non-empty"
                        + " parameters (" + text + ")");
            }
            expanded.set("Fn::GetAtt", NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1)));
        } else if (FN_TAGS.contains(tag)) {
            expanded.set("Fn::" + tag, value);
        } else if (tag.startsWith("!") || tag.startsWith("tag:yaml.org")) {
            return value; // a standard YAML tag (!!str, !!int ...) the parser already applied
        } else {
            throw new TemplateException("Template format error: unknown tag !" + tag + " at line "
                    + parser.currentLocation().getLineNr());
        }
        return expanded;
    }
}
