package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers an InputSchema from sampled records, as DiscoverInputSchema does: JSON objects (one
 * column per leaf member, mapping {@code $.a.b}, named {@code a_b}; arrays kept whole as
 * {@code $.arr[0:]}) or, failing that, delimited text ({@link CsvInference}).
 */
final class SchemaInference {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The inferred schema and the sampled records parsed with it, values in column order. */
    record Result(ObjectNode inputSchema, List<List<String>> parsedRecords) {
    }

    private SchemaInference() {
    }

    /** The schema, or null when the records are neither JSON objects nor consistently delimited text. */
    static Result infer(List<String> records) {
        if (records.isEmpty()) {
            return null;
        }
        Result json = json(records);
        return json != null ? json : CsvInference.infer(records);
    }

    private static Result json(List<String> records) {
        List<JsonNode> objects = new ArrayList<>();
        for (String record : records) {
            try {
                JsonNode node = JSON.readTree(record);
                if (node == null || !node.isObject()) {
                    return null;
                }
                objects.add(node);
            } catch (IOException e) {
                return null;
            }
        }
        Map<String, List<String>> leaves = new LinkedHashMap<>();
        Map<String, TypeGuess> types = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            collect(object, new ArrayList<>(), leaves, types);
        }
        if (leaves.isEmpty()) {
            return null;
        }
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        ObjectNode format = schema.putObject("RecordFormat");
        format.put("RecordFormatType", "JSON");
        format.putObject("MappingParameters").putObject("JSONMappingParameters").put("RecordRowPath", "$");
        schema.put("RecordEncoding", "UTF-8");
        ArrayNode columns = schema.putArray("RecordColumns");
        ColumnNames names = new ColumnNames();
        int position = 0;
        for (Map.Entry<String, List<String>> leaf : leaves.entrySet()) {
            ObjectNode column = columns.addObject();
            column.put("Name", names.name(String.join("_", leaf.getValue()), position++));
            column.put("Mapping", leaf.getKey());
            column.put("SqlType", types.get(leaf.getKey()).sqlType());
        }
        List<List<String>> parsed = new ArrayList<>();
        for (JsonNode object : objects) {
            List<String> row = new ArrayList<>();
            for (List<String> path : leaves.values()) {
                JsonNode value = object;
                for (String member : path) {
                    value = value.path(member);
                }
                row.add(value.isMissingNode() || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
            }
            parsed.add(row);
        }
        return new Result(schema, parsed);
    }

    private static void collect(JsonNode object, List<String> path, Map<String, List<String>> leaves,
            Map<String, TypeGuess> types) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> memberPath = new ArrayList<>(path);
            memberPath.add(field.getKey());
            JsonNode value = field.getValue();
            if (value.isObject() && value.size() > 0) {
                collect(value, memberPath, leaves, types);
                continue;
            }
            String mapping = "$." + String.join(".", memberPath) + (value.isArray() ? "[0:]" : "");
            leaves.putIfAbsent(mapping, memberPath);
            TypeGuess type = types.computeIfAbsent(mapping, key -> new TypeGuess());
            if (value.isArray() || value.isObject()) {
                type.add(value.toString(), false, false);
            } else if (!value.isNull()) {
                type.add(value.asText(), value.isNumber(), value.isBoolean());
            }
        }
    }
}
