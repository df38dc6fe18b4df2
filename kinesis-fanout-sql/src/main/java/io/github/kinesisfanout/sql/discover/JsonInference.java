package io.github.kinesisfanout.sql.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.sql.DiscoveredSchema;
import io.github.kinesisfanout.sql.InputSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers a JSON schema: one column per leaf member of the sampled objects (mapping {@code $.a.b},
 * named {@code a_b}), arrays and empty objects kept whole ({@code $.arr[0:]}), row path {@code $}.
 */
public final class JsonInference {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonInference() {
    }

    /** The schema, or null when some record is not a JSON object or no object has a member. */
    public static DiscoveredSchema infer(List<String> records) {
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
        List<InputSchema.Column> columns = new ArrayList<>();
        ColumnNames names = new ColumnNames();
        int position = 0;
        for (Map.Entry<String, List<String>> leaf : leaves.entrySet()) {
            columns.add(new InputSchema.Column(names.name(String.join("_", leaf.getValue()), position++),
                    types.get(leaf.getKey()).sqlType(), leaf.getKey()));
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
        return new DiscoveredSchema(new InputSchema(null, InputSchema.RecordFormat.json("$"), columns, "UTF-8"), parsed);
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
