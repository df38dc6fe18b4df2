package io.github.kinesisfanout.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** One case of a JSON fixture: application code, input schema, inputs, and what must come out. */
record SqlCase(String name, String code, List<InputSchema> schemas, long clockMillis, JsonNode input,
        JsonNode expected, JsonNode outputs, JsonNode errors, String schemaError, JsonNode tables) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** Inputs without a rowtime get this one plus one second per record. */
    static final long DEFAULT_START = parseTime("2024-01-01 00:00:00.000");

    /** The default schema: the transaction routing input of docs/DESIGN.md. */
    static InputSchema transactions() {
        return new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"), List.of(
                new InputSchema.Column("ID", "INTEGER", "$.ID"),
                new InputSchema.Column("USERNAME", "VARCHAR(200)", "$.USERNAME"),
                new InputSchema.Column("AMOUNT", "DECIMAL(5,2)", "$.AMOUNT")), "UTF-8");
    }

    static SqlCase from(JsonNode node) {
        JsonNode statements = node.path("statements");
        String code;
        if (statements.isArray()) {
            List<String> lines = new ArrayList<>();
            statements.forEach(l -> lines.add(l.asText()));
            code = String.join("\n", lines);
        } else {
            code = statements.asText();
        }
        List<InputSchema> schemas = new ArrayList<>();
        if (node.has("schemas")) {
            node.get("schemas").forEach(s -> schemas.add(schema(s)));
        } else if (node.has("schema")) {
            schemas.add(schema(node.get("schema")));
        } else {
            schemas.add(transactions());
        }
        long clock = node.has("clock") ? time(node.get("clock")) : parseTime("2030-01-01 00:00:00.000");
        return new SqlCase(node.path("name").asText(), code, schemas, clock, node.path("input"), node.path("expected"),
                node.path("outputs"), node.path("errors"), node.has("schemaError") ? node.get("schemaError").asText() : null,
                node.path("references"));
    }

    /** The reference tables: {@code "references": [{"table": NAME, "schema": {...}, "data": TEXT}]}. */
    List<ReferenceTable> references() {
        List<ReferenceTable> out = new ArrayList<>();
        for (JsonNode t : tables) {
            out.add(new ReferenceTable(t.get("table").asText(), schema(t.get("schema"))));
        }
        return out;
    }

    private static InputSchema schema(JsonNode s) {
        String format = s.path("format").asText("JSON");
        InputSchema.RecordFormat recordFormat = format.equals("CSV")
                ? InputSchema.RecordFormat.csv(s.path("rowDelimiter").asText("\n"), s.path("columnDelimiter").asText(","))
                : new InputSchema.RecordFormat(format, s.path("rowPath").asText("$"), null, null);
        List<InputSchema.Column> columns = new ArrayList<>();
        for (JsonNode c : s.path("columns")) {
            columns.add(new InputSchema.Column(c.get("name").asText(), c.get("type").asText(),
                    c.hasNonNull("mapping") ? c.get("mapping").asText() : null));
        }
        return new InputSchema(s.path("prefix").asText("SOURCE_SQL_STREAM"), recordFormat, columns,
                s.path("encoding").asText("UTF-8"));
    }

    static long time(JsonNode node) {
        return node.isNumber() ? node.asLong() : parseTime(node.asText());
    }

    static long parseTime(String text) {
        return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static String formatTime(long millis) {
        return TIME.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000)
                * 1_000_000, ZoneOffset.UTC));
    }

    /** The bytes of an input record: a string as is, any other JSON value serialized. */
    static byte[] data(JsonNode data) {
        String text = data.isTextual() ? data.asText() : data.toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    boolean isObject(JsonNode node) {
        return node instanceof ObjectNode;
    }
}
