package io.github.kinesisfanout.operations.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;

/**
 * The input schema file: a JSON array of RecordColumns {@code {"Name","SqlType","Mapping"}}, as
 * create-app reads it and discover-schema writes it; also the inline form
 * {@code NAME:SQLTYPE[:MAPPING],...}.
 */
public final class SchemaFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SchemaFile() {
    }

    public static List<RecordColumn> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw AppMessages.unreadableFile("input schema file", file.toString(), e.getMessage());
        }
        JsonNode columns = root != null && root.isObject() && root.has("RecordColumns") ? root.get("RecordColumns") : root;
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw AppMessages.unreadableFile("input schema file", file.toString(),
                    "expected a JSON array of {\"Name\", \"SqlType\", \"Mapping\"} objects");
        }
        List<RecordColumn> result = new ArrayList<>();
        for (JsonNode column : columns) {
            if (!column.hasNonNull("Name") || !column.hasNonNull("SqlType")) {
                throw AppMessages.unreadableFile("input schema file", file.toString(),
                        "every column needs \"Name\" and \"SqlType\"; found " + column);
            }
            result.add(RecordColumn.builder().name(column.get("Name").asText()).sqlType(column.get("SqlType").asText())
                    .mapping(column.hasNonNull("Mapping") ? column.get("Mapping").asText() : null).build());
        }
        return result;
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
        ArrayNode array = JSON.createArrayNode();
        for (RecordColumn column : columns) {
            ObjectNode node = array.addObject();
            node.put("Name", column.name());
            node.put("SqlType", column.sqlType());
            if (column.mapping() != null) {
                node.put("Mapping", column.mapping());
            }
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JSON.writeValueAsString(array) + System.lineSeparator());
    }
}
