package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.InputSchemaJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * The schema files: the input schema, a JSON array of RecordColumns {@code {"Name","SqlType","Mapping"}}, as
 * create-app reads it and discover-schema writes it (also the inline form {@code NAME:SQLTYPE[:MAPPING],...}),
 * and a reference table's schema, a whole SourceSchema.
 */
public final class SchemaFile {

    private SchemaFile() {
    }

    public static List<RecordColumn> read(Path file) {
        return SourceSchemas.recordColumns(parse(file, "input schema file").columns());
    }

    /**
     * The whole schema a file holds: AWS's SourceSchema object ({@code RecordFormat}, {@code RecordEncoding},
     * {@code RecordColumns}), or the bare RecordColumns array (JSON records, row path {@code $}).
     *
     * @param what the file's role in messages, e.g. {@code reference schema file}
     */
    public static SourceSchema readSourceSchema(Path file, String what) {
        return SourceSchemas.sourceSchema(parse(file, what));
    }

    private static InputSchema parse(Path file, String what) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw AppMessages.unreadableFile(what, file.toString(), e.getMessage());
        }
        try {
            return InputSchemaJson.read(text, "");
        } catch (IllegalArgumentException e) {
            throw AppMessages.unreadableFile(what, file.toString(), e.getMessage());
        }
    }

    /** {@code ID:INTEGER:$.ID,USERNAME:VARCHAR(200):$.USERNAME}; types may contain commas inside parentheses. */
    public static List<RecordColumn> parseInline(String columns) {
        List<RecordColumn> result = new ArrayList<>();
        for (String column : columns.split(",(?![^(]*\\))")) {
            String[] parts = column.trim().split(":", 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new io.github.kinesisfanout.operations.FanoutException("<columns> entry '" + column
                        + "' is not NAME:SQLTYPE[:MAPPING]: fix -Dfanout.columns=ID:INTEGER:$.ID,AMOUNT:DECIMAL(5,2):$.AMOUNT");
            }
            result.add(RecordColumn.builder().name(parts[0].trim()).sqlType(parts[1].trim())
                    .mapping(parts.length == 3 ? parts[2].trim() : null).build());
        }
        return result;
    }

    public static void write(Path file, List<RecordColumn> columns) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, InputSchemaJson.writeColumns(SourceSchemas.columns(columns)) + System.lineSeparator());
    }
}
