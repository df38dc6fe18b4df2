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
 * (an array row path gives one row per element) and flattened arrays ({@code $.arr[0:].field}:
 * one row per element, other columns repeated; an empty or absent array still gives one row). Flattening
 * may nest ({@code $.a[0:].b[0:].c}: one row per element of each inner array); the flattening mappings of
 * a schema must follow one chain of arrays, each mapping flattening the chain or a start of it.
 */
final class TreeJsonDecoder implements RecordDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonPath rowPath;
    private final List<JsonPath> paths;
    private final SqlType[] types;
    private final String[] names;
    /** The arrays flattened, outermost first, each read from the element of the one before; empty for none. */
    private final List<List<String>> chain;

    TreeJsonDecoder(JsonPath rowPath, List<JsonPath> paths, SqlType[] types, String[] names) {
        this.rowPath = rowPath;
        this.paths = paths;
        this.types = types;
        this.names = names;
        List<List<String>> longest = List.of();
        JsonPath longestPath = null;
        for (JsonPath p : paths) {
            if (p.flattens() && p.arrays().size() > longest.size()) {
                longest = p.arrays();
                longestPath = p;
            }
        }
        for (JsonPath p : paths) {
            if (p.flattens() && !longest.subList(0, p.arrays().size()).equals(p.arrays())) {
                throw new IllegalArgumentException("Only one chain of arrays per schema may be flattened, found "
                        + describe(longestPath) + " and " + describe(p));
            }
        }
        this.chain = longest;
    }

    private static String describe(JsonPath p) {
        StringBuilder text = new StringBuilder("$");
        p.members().forEach(m -> text.append('.').append(m));
        for (List<String> level : p.levels()) {
            text.append("[0:]");
            level.forEach(m -> text.append('.').append(m));
        }
        return text.toString();
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
        expand(row, new JsonNode[chain.size()], 0, out);
    }

    /** One row per combination of elements of the chain's arrays; an empty or absent array counts as one NULL. */
    private void expand(JsonNode row, JsonNode[] elements, int level, List<Object[]> out) {
        if (level == chain.size()) {
            out.add(values(row, elements));
            return;
        }
        JsonNode array = navigate(level == 0 ? row : elements[level - 1], chain.get(level));
        if (array != null && array.isArray() && array.size() > 0) {
            for (JsonNode element : array) {
                elements[level] = element;
                expand(row, elements, level + 1, out);
            }
        } else {
            elements[level] = null;
            expand(row, elements, level + 1, out);
        }
    }

    private Object[] values(JsonNode row, JsonNode[] elements) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < paths.size(); i++) {
            JsonPath p = paths.get(i);
            JsonNode node = p.flattens() ? navigate(elements[p.depth() - 1], p.leaf()) : navigate(row, p.members());
            values[i] = value(node, i);
        }
        return values;
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
