package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.SqlCompilationException;
import io.github.kinesisfanout.sql.SqlEngine;
import io.github.kinesisfanout.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Compiles the application SQL with the same engine the local cloud runs, before any call, so a
 * mistake shows as {@code line 3, column 12: message} in the build log.
 */
public final class SqlCheck {

    private SqlCheck() {
    }

    /** Throws a failure listing every error when the code does not compile against the input. */
    public static void validate(String code, String fileName, String namePrefix, SourceSchema schema) {
        try {
            SqlEngine.compile(code, List.of(inputSchema(namePrefix, schema)));
        } catch (SqlCompilationException e) {
            List<String> errors = new ArrayList<>();
            for (SqlError error : e.errors()) {
                errors.add(error.toString());
            }
            throw AppMessages.invalidSql(fileName, errors);
        }
    }

    /** The engine's input schema for create-app's prefix and source schema. */
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
        List<InputSchema.Column> columns = new ArrayList<>();
        for (RecordColumn column : schema.recordColumns()) {
            columns.add(new InputSchema.Column(column.name(), column.sqlType(), column.mapping()));
        }
        return new InputSchema(namePrefix, format, columns, "UTF-8");
    }
}
