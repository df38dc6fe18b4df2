package io.github.kinesisfanout.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes AWS's {@code InputSchema} JSON ({@code RecordFormat}, {@code RecordEncoding},
 * {@code RecordColumns}) and the bare {@code RecordColumns} array a schema file may hold.
 */
public final class InputSchemaJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InputSchemaJson() {
    }

    /**
     * Parses JSON text; throws IllegalArgumentException naming the member at fault.
     *
     * @param json an {@code InputSchema} object, or a bare {@code RecordColumns} array (JSON records, row path {@code $})
     * @param namePrefix the in-application stream name prefix, e.g. {@code SOURCE_SQL_STREAM}
     */
    public static InputSchema read(String json, String namePrefix) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(root, namePrefix);
    }

    /** Reads a parsed {@code InputSchema} object or bare {@code RecordColumns} array, as {@link #read} does. */
    public static InputSchema fromJson(JsonNode root, String namePrefix) {
        JsonNode columns = root != null && root.isObject() ? root.path("RecordColumns") : root;
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw new IllegalArgumentException(
                    "it must be a non-empty array of RecordColumns, or an InputSchema object with one");
        }
        List<InputSchema.Column> parsed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode column = columns.get(i);
            if (!column.path("Name").isTextual() || !column.path("SqlType").isTextual()) {
                throw new IllegalArgumentException("RecordColumns[" + i + "] needs a Name and a SqlType");
            }
            String mapping = column.path("Mapping").asText("");
            parsed.add(new InputSchema.Column(column.get("Name").asText(), column.get("SqlType").asText(),
                    mapping.isEmpty() ? null : mapping));
        }
        return new InputSchema(namePrefix, format(root.path("RecordFormat")), parsed,
                root.path("RecordEncoding").asText("UTF-8"));
    }

    private static InputSchema.RecordFormat format(JsonNode format) {
        if (format.isMissingNode()) {
            return InputSchema.RecordFormat.json("$");
        }
        JsonNode mapping = format.path("MappingParameters");
        switch (format.path("RecordFormatType").asText("")) {
            case "JSON":
                return InputSchema.RecordFormat.json(
                        mapping.path("JSONMappingParameters").path("RecordRowPath").asText("$"));
            case "CSV":
                JsonNode csv = mapping.path("CSVMappingParameters");
                return InputSchema.RecordFormat.csv(csv.path("RecordRowDelimiter").asText("\n"),
                        csv.path("RecordColumnDelimiter").asText(","));
            default:
                throw new IllegalArgumentException("RecordFormat.RecordFormatType must be JSON or CSV");
        }
    }

    /** The whole {@code InputSchema} object, as DiscoverInputSchema answers it (no Mapping for a column without one). */
    public static ObjectNode toJson(InputSchema schema) {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode format = json.putObject("RecordFormat");
        format.put("RecordFormatType", schema.format().type());
        ObjectNode mapping = format.putObject("MappingParameters");
        if ("CSV".equals(schema.format().type())) {
            ObjectNode csv = mapping.putObject("CSVMappingParameters");
            csv.put("RecordRowDelimiter", schema.format().recordRowDelimiter());
            csv.put("RecordColumnDelimiter", schema.format().recordColumnDelimiter());
        } else {
            mapping.putObject("JSONMappingParameters").put("RecordRowPath", schema.format().recordRowPath());
        }
        json.put("RecordEncoding", schema.encoding());
        json.set("RecordColumns", columnsJson(schema.columns()));
        return json;
    }

    /** The bare {@code RecordColumns} array, indented, as a schema file holds it ({@code Name}, {@code SqlType}, {@code Mapping}). */
    public static String writeColumns(List<InputSchema.Column> columns) {
        try {
            return JSON.writeValueAsString(columnsJson(columns));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode columnsJson(List<InputSchema.Column> columns) {
        ArrayNode array = JSON.createArrayNode();
        for (InputSchema.Column column : columns) {
            ObjectNode node = array.addObject();
            node.put("Name", column.name());
            node.put("SqlType", column.sqlType());
            if (column.mapping() != null) {
                node.put("Mapping", column.mapping());
            }
        }
        return array;
    }
}
