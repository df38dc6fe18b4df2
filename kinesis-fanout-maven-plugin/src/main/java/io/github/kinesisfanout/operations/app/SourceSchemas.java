package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.sql.InputSchema;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/** Converts between the SQL engine's {@link InputSchema} and the SDK shapes the plugin sends and receives. */
public final class SourceSchemas {

    private SourceSchemas() {
    }

    /** The engine's input schema for an in-application stream prefix and an SDK source schema. */
    public static InputSchema inputSchema(String namePrefix, SourceSchema schema) {
        InputSchema.RecordFormat format;
        var mapping = schema.recordFormat().mappingParameters();
        if ("CSV".equals(schema.recordFormat().recordFormatTypeAsString())) {
            format = InputSchema.RecordFormat.csv(mapping.csvMappingParameters().recordRowDelimiter(),
                    mapping.csvMappingParameters().recordColumnDelimiter());
        } else {
            format = InputSchema.RecordFormat.json(mapping == null || mapping.jsonMappingParameters() == null
                    ? "$" : mapping.jsonMappingParameters().recordRowPath());
        }
        return new InputSchema(namePrefix, format, columns(schema.recordColumns()), "UTF-8");
    }

    /** The SDK source schema (format with its mapping parameters, encoding, columns) of the engine's input schema. */
    public static SourceSchema sourceSchema(InputSchema schema) {
        InputSchema.RecordFormat format = schema.format();
        SourceSchema.Builder result = SourceSchema.builder().recordEncoding(schema.encoding())
                .recordColumns(recordColumns(schema.columns()));
        if ("CSV".equals(format.type())) {
            return result.recordFormat(f -> f.recordFormatType("CSV").mappingParameters(m -> m.csvMappingParameters(c -> c
                    .recordRowDelimiter(format.recordRowDelimiter())
                    .recordColumnDelimiter(format.recordColumnDelimiter())))).build();
        }
        return result.recordFormat(f -> f.recordFormatType("JSON")
                .mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath(format.recordRowPath())))).build();
    }

    /** The engine's columns of SDK record columns. */
    public static List<InputSchema.Column> columns(List<RecordColumn> columns) {
        List<InputSchema.Column> result = new ArrayList<>();
        for (RecordColumn column : columns) {
            result.add(new InputSchema.Column(column.name(), column.sqlType(), column.mapping()));
        }
        return result;
    }

    /** The SDK record columns of engine columns. */
    public static List<RecordColumn> recordColumns(List<InputSchema.Column> columns) {
        List<RecordColumn> result = new ArrayList<>();
        for (InputSchema.Column column : columns) {
            result.add(RecordColumn.builder().name(column.name()).sqlType(column.sqlType()).mapping(column.mapping()).build());
        }
        return result;
    }
}
