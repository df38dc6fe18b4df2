package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.sql.InputSchema;
import java.util.ArrayList;
import java.util.List;

/** Turns an AWS {@code SourceSchema} (already validated) into the SQL engine's {@link InputSchema}. */
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
}
