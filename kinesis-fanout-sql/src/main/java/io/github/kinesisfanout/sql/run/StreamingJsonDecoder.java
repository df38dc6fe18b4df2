package io.github.kinesisfanout.sql.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.kinesisfanout.sql.type.SqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringWriter;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes JSON records whose row path is {@code $} and whose mappings are plain member paths (nested
 * members, whole arrays as text) in one pass of Jackson's streaming parser: no tree is built.
 */
final class StreamingJsonDecoder implements RecordDecoder {

    /** Shared and thread-safe; parsers are cheap to create from it. */
    static final JsonFactory FACTORY = new JsonFactory();

    private final Node root = new Node();
    private final SqlType[] types;
    private final String[] names;
    /** Reads the usual flat records first; null when it is turned off. */
    private final FlatJsonScanner flat;

    /** A member of the path trie: the column it maps to (or -1) and nested members, in mapping order. */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        SerializedString[] names = new SerializedString[0];
        Node[] ordered = new Node[0];
        int column = -1;

        void freeze() {
            names = children.keySet().stream().map(SerializedString::new).toArray(SerializedString[]::new);
            ordered = children.values().toArray(new Node[0]);
            for (Node child : ordered) {
                child.freeze();
            }
        }
    }

    StreamingJsonDecoder(List<JsonPath> paths, SqlType[] types, String[] names) {
        this(paths, types, names, true);
    }

    /** With {@code flat} false every record goes through Jackson (to compare the two readings). */
    StreamingJsonDecoder(List<JsonPath> paths, SqlType[] types, String[] names, boolean flat) {
        this.types = types;
        this.names = names;
        for (int i = 0; i < paths.size(); i++) {
            Node node = root;
            for (String member : paths.get(i).members()) {
                node = node.children.computeIfAbsent(member, k -> new Node());
            }
            node.column = i;
        }
        root.freeze();
        if (flat) {
            String[] members = root.children.keySet().toArray(new String[0]);
            int[] columns = new int[root.ordered.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = root.ordered[i].column;
            }
            this.flat = new FlatJsonScanner(members, columns, types, names);
        } else {
            this.flat = null;
        }
    }

    /** Whether these paths suit this decoder: plain members, no flattening, no path inside a mapped one. */
    static boolean supports(List<JsonPath> paths) {
        for (JsonPath p : paths) {
            if (p.flattens() || p.members().isEmpty()) {
                return false;
            }
            for (JsonPath q : paths) {
                if (p != q && q.members().size() > p.members().size()
                        && q.members().subList(0, p.members().size()).equals(p.members())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void decode(byte[] data, Output out) {
        Object[] values = new Object[types.length];
        if (flat != null) {
            boolean read;
            try {
                read = flat.scan(data, values);
            } catch (CoercionException e) {
                out.error(e.errorName(), e.getMessage(), data);
                return;
            }
            if (read) {
                out.row(values);
                return;
            }
            Arrays.fill(values, null);
        }
        try (JsonParser parser = FACTORY.createParser(data)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                out.error("Parse_Error", "Record is not a JSON object", data);
                return;
            }
            object(parser, root, values);
            if (parser.nextToken() != null) {
                out.error("Parse_Error", "Unexpected content after the JSON object", data);
                return;
            }
        } catch (JsonProcessingException e) {
            out.error("Parse_Error", "Malformed JSON: " + e.getOriginalMessage(), data);
            return;
        } catch (CoercionException e) {
            out.error(e.errorName(), e.getMessage(), data);
            return;
        } catch (IOException e) {
            out.error("Parse_Error", "Unreadable record: " + e.getMessage(), data);
            return;
        } catch (NumberFormatException e) {
            // Jackson refuses a number whose exponent is beyond int range by a NumberFormatException
            out.error("Parse_Error", "Unreadable number: " + e.getMessage(), data);
            return;
        }
        out.row(values);
    }

    /**
     * Reads the members of an object. Records usually list members in mapping order, so the next
     * expected name is matched on its raw bytes first ({@code nextFieldName}); other orders fall back
     * to a lookup by name.
     */
    private void object(JsonParser parser, Node node, Object[] values) throws IOException {
        int expected = 0;
        while (true) {
            Node child;
            if (expected < node.names.length) {
                if (parser.nextFieldName(node.names[expected])) {
                    child = node.ordered[expected++];
                } else if (parser.currentToken() == JsonToken.FIELD_NAME) {
                    child = node.children.get(parser.currentName());
                } else {
                    return;
                }
            } else if (parser.nextToken() == JsonToken.FIELD_NAME) {
                child = node.children.get(parser.currentName());
            } else {
                return;
            }
            JsonToken token = parser.nextToken();
            if (child == null) {
                parser.skipChildren();
            } else if (child.column >= 0) {
                values[child.column] = value(parser, token, child.column);
            } else if (token == JsonToken.START_OBJECT) {
                object(parser, child, values);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** A JSON number; its text (a String per value) is only made for text columns and error messages. */
    private static Object number(JsonParser parser, SqlType type, String name) throws IOException {
        if (type.isCharacter()) {
            return Coercion.fromNumber(parser.getDecimalValue(), parser.getText(), type, name);
        }
        if (type.kind() == SqlType.Kind.DECIMAL) {
            BigDecimal plain = PlainDecimal.read(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength(), type);
            if (plain != null) {
                return plain;
            }
        }
        try {
            return Coercion.fromNumber(parser.getDecimalValue(), null, type, name);
        } catch (CoercionException e) {
            return Coercion.fromNumber(parser.getDecimalValue(), parser.getText(), type, name);
        }
    }

    private Object value(JsonParser parser, JsonToken token, int column) throws IOException {
        SqlType type = types[column];
        String name = names[column];
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Coercion.fromBoolean(true, type, name);
            case VALUE_FALSE:
                return Coercion.fromBoolean(false, type, name);
            case VALUE_STRING:
                return Coercion.fromString(parser.getText(), type, name);
            case VALUE_NUMBER_INT:
                if (type.kind() == SqlType.Kind.INTEGER && parser.getNumberType() == JsonParser.NumberType.INT) {
                    return parser.getIntValue();
                }
                if (type.kind() == SqlType.Kind.BIGINT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getLongValue();
                }
                return number(parser, type, name);
            case VALUE_NUMBER_FLOAT:
                return number(parser, type, name);
            default:
                StringWriter text = new StringWriter();
                try (JsonGenerator generator = FACTORY.createGenerator(text)) {
                    generator.copyCurrentStructure(parser);
                }
                return Coercion.fromStructure(text.toString(), type, name);
        }
    }
}
