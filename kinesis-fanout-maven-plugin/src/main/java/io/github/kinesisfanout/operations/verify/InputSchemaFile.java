package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.InputSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an application input schema file as Kinesis Analytics spells it: either the
 * {@code RecordColumns} array alone ({@code [{"Name":"ID","SqlType":"INTEGER","Mapping":"$.ID"}]},
 * JSON records with row path {@code $}) or a whole {@code InputSchema} object with
 * {@code RecordFormat}, {@code RecordEncoding} and {@code RecordColumns}.
 */
public final class InputSchemaFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InputSchemaFile() {
    }

    /**
     * @param file the schema file
     * @param namePrefix the in-application stream name prefix, e.g. {@code SOURCE_SQL_STREAM}
     */
    public static InputSchema read(Path file, String namePrefix) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new FanoutException("The input schema " + file + " does not exist: set schemaFile"
                    + " (-Dfanout.schemaFile=FILE) to a JSON array of RecordColumns");
        } catch (IOException e) {
            throw new FanoutException("The input schema " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode columns = root != null && root.isObject() ? root.path("RecordColumns") : root;
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw invalid(file, "it must be a non-empty array of RecordColumns, or an InputSchema object with one");
        }
        List<InputSchema.Column> parsed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode column = columns.get(i);
            if (!column.path("Name").isTextual() || !column.path("SqlType").isTextual()) {
                throw invalid(file, "RecordColumns[" + i + "] needs a Name and a SqlType");
            }
            parsed.add(new InputSchema.Column(column.get("Name").asText(), column.get("SqlType").asText(),
                    column.path("Mapping").asText(null)));
        }
        return new InputSchema(namePrefix, format(file, root), parsed, root.path("RecordEncoding").asText("UTF-8"));
    }

    private static InputSchema.RecordFormat format(Path file, JsonNode root) {
        JsonNode format = root.path("RecordFormat");
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
                throw invalid(file, "RecordFormat.RecordFormatType must be JSON or CSV");
        }
    }

    private static FanoutException invalid(Path file, String problem) {
        return new FanoutException("The input schema " + file + " is not valid: " + problem);
    }
}
