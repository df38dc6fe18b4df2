package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Reads and writes JSON trees over any Jackson parser or generator (JSON or CBOR), turning CBOR
 * timestamps (tag 1) and byte strings into {@link Timestamps} and binary nodes and back; a
 * {@link StreamedValue} in a tree writes itself.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    /** Reads one value from a parser positioned before it; null at the end of input. */
    static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? null : readValue(parser, token);
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw new IOException("expected a member name, found " + t);
                    }
                    String name = parser.currentName();
                    object.set(name, readValue(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(readValue(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                if (isEpochTagged(parser)) {
                    return Timestamps.node(Instant.ofEpochMilli(parser.getLongValue()));
                }
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? nodes.numberNode(parser.getBigIntegerValue()) : nodes.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                if (isEpochTagged(parser)) {
                    return Timestamps.node(Instant.ofEpochMilli(
                            parser.getDecimalValue().movePointRight(3).longValue()));
                }
                return nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                return nodes.binaryNode(parser.getBinaryValue());
            default:
                throw new IOException("unexpected " + token);
        }
    }

    private static boolean isEpochTagged(JsonParser parser) {
        return parser instanceof CBORParser cbor && cbor.getCurrentTag() == Timestamps.CBOR_EPOCH_TAG;
    }

    /** Writes a tree; timestamps as epoch seconds in JSON and tagged epoch milliseconds in CBOR. */
    static void write(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.writeFieldName(field.getKey());
                write(field.getValue(), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(element, out);
            }
            out.writeEndArray();
        } else if (node.isBinary()) {
            out.writeBinary(node.binaryValue());
        } else if (node.isPojo()) {
            StreamedValue streamed = StreamedValue.of(node);
            if (streamed != null) {
                streamed.write(out);
                return;
            }
            Instant instant = Timestamps.instantOf(node);
            if (instant == null) {
                throw new IllegalStateException("a service returned a value no codec can render: " + node);
            }
            Timestamps.write(instant.toEpochMilli(), out);
        } else if (node.isTextual()) {
            out.writeString(node.textValue());
        } else if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                out.writeNumber(node.longValue());
            } else {
                out.writeNumber(node.bigIntegerValue());
            }
        } else if (node.isNumber()) {
            out.writeNumber(node.decimalValue());
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else {
            out.writeNull();
        }
    }
}
