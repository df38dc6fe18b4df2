package io.github.kinesisfanout.sql.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.sql.type.SqlType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes JSON records with the general mappings of reference §3.1: a row path other than {@code $}
 * (an array row path gives one row per element) and one flattened array ({@code $.arr[0:].field}:
 * one row per element, other columns repeated; an empty or absent array still gives one row).
 */
final class TreeJsonDecoder implements RecordDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonPath rowPath;
    private final List<JsonPath> paths;
    private final SqlType[] types;
    private final String[] names;

    TreeJsonDecoder(JsonPath rowPath, List<JsonPath> paths, SqlType[] types, String[] names) {
        this.rowPath = rowPath;
        this.paths = paths;
        this.types = types;
        this.names = names;
        List<String> flattened = null;
        for (JsonPath p : paths) {
            if (p.flattens()) {
                if (flattened != null && !flattened.equals(p.members())) {
                    throw new IllegalArgumentException("Only one array per schema may be flattened, found "
                            + String.join(".", flattened) + " and " + String.join(".", p.members()));
                }
                flattened = p.members();
            }
        }
    }

    @Override
    public void decode(byte[] data, Output out) {
        List<Object[]> rows = new ArrayList<>();
        try {
            JsonNode record = MAPPER.readTree(data);
            if (record == null) {
                out.error("Parse_Error", "Empty record", data);
                return;
            }
            JsonNode rowNode = navigate(record, rowPath.members());
            if (rowPath.array()) {
                if (rowNode != null && rowNode.isArray()) {
                    for (JsonNode element : rowNode) {
                        rows(navigate(element, rowPath.after()), rows);
                    }
                }
            } else {
                rows(rowNode, rows);
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
        for (Object[] row : rows) {
            out.row(row);
        }
    }

    private void rows(JsonNode row, List<Object[]> out) {
        JsonNode array = null;
        for (JsonPath p : paths) {
            if (p.flattens()) {
                array = navigate(row, p.members());
                break;
            }
        }
        int count = array != null && array.isArray() && array.size() > 0 ? array.size() : 1;
        for (int r = 0; r < count; r++) {
            Object[] values = new Object[types.length];
            for (int i = 0; i < paths.size(); i++) {
                JsonPath p = paths.get(i);
                JsonNode node;
                if (p.flattens()) {
                    JsonNode element = array != null && array.isArray() ? array.get(r) : null;
                    node = navigate(element, p.after());
                } else {
                    node = navigate(row, p.members());
                }
                values[i] = value(node, i);
            }
            out.add(values);
        }
    }

    private static JsonNode navigate(JsonNode node, List<String> members) {
        for (String member : members) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(member);
        }
        return node;
    }

    private Object value(JsonNode node, int column) {
        SqlType type = types[column];
        String name = names[column];
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return Coercion.fromBoolean(node.booleanValue(), type, name);
        }
        if (node.isNumber()) {
            return Coercion.fromNumber(node.decimalValue(), node.asText(), type, name);
        }
        if (node.isTextual()) {
            return Coercion.fromString(node.textValue(), type, name);
        }
        return Coercion.fromStructure(node.toString(), type, name);
    }
}
