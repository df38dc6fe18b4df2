package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.sql.InputSchema;
import java.util.ArrayList;
import java.util.List;

/** Turns an AWS {@code SourceSchema} (already validated) into the SQL engine's {@link InputSchema}, and back. */
final class SchemaMapping {

    private SchemaMapping() {
    }

    static InputSchema toInputSchema(String namePrefix, JsonNode sourceSchema) {
        JsonNode format = sourceSchema.path("RecordFormat");
        JsonNode mapping = format.path("MappingParameters");
        InputSchema.RecordFormat recordFormat;
        if ("CSV".equals(format.path("RecordFormatType").asText())) {
            JsonNode csv = mapping.path("CSVMappingParameters");
            recordFormat = InputSchema.RecordFormat.csv(csv.path("RecordRowDelimiter").asText("\n"),
                    csv.path("RecordColumnDelimiter").asText(","));
        } else {
            recordFormat = InputSchema.RecordFormat.json(
                    mapping.path("JSONMappingParameters").path("RecordRowPath").asText("$"));
        }
        List<InputSchema.Column> columns = new ArrayList<>();
        for (JsonNode column : sourceSchema.path("RecordColumns")) {
            JsonNode columnMapping = column.get("Mapping");
            columns.add(new InputSchema.Column(column.path("Name").asText(), column.path("SqlType").asText(),
                    columnMapping == null || columnMapping.isNull() || columnMapping.asText().isEmpty()
                            ? null : columnMapping.asText()));
        }
        return new InputSchema(namePrefix, recordFormat, columns, sourceSchema.path("RecordEncoding").asText("UTF-8"));
    }

    /** The AWS {@code InputSchema} JSON of a schema, as DiscoverInputSchema answers it (no Mapping for CSV columns). */
    static ObjectNode toSourceSchema(InputSchema schema) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
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
        ArrayNode columns = json.putArray("RecordColumns");
        for (InputSchema.Column column : schema.columns()) {
            ObjectNode node = columns.addObject();
            node.put("Name", column.name());
            if (column.mapping() != null) {
                node.put("Mapping", column.mapping());
            }
            node.put("SqlType", column.sqlType());
        }
        return json;
    }
}
