package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every JSON fixture under {@code src/test/resources/sql-cases/}: compiles each case's
 * statements, pushes its inputs, and compares every stream it names (error_stream must stay empty
 * unless named), the serialized outputs, or the expected compile errors.
 */
class SqlCasesTest {

    /** Decimals keep their scale (12.30 differs from 12.3), so expected values are checked exactly. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @TestFactory
    Stream<DynamicNode> fixtures() throws IOException, URISyntaxException {
        URL dir = getClass().getResource("/sql-cases");
        List<Path> files;
        try (Stream<Path> list = Files.list(Paths.get(dir.toURI()))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            JsonNode fixture;
            try (InputStream in = Files.newInputStream(file)) {
                fixture = MAPPER.readTree(in);
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode node : fixture.path("cases")) {
                SqlCase c = SqlCase.from(node);
                tests.add(DynamicTest.dynamicTest(c.name(), () -> run(c)));
            }
            nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
        }
        return nodes.stream();
    }


    private static void run(SqlCase c) {
        if (c.schemaError() != null) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SqlEngine.compile(c.code(), c.schemas(), c.references()));
            assertEquals(c.schemaError(), e.getMessage());
            return;
        }
        if (!c.errors().isMissingNode()) {
            SqlCompilationException e = assertThrows(SqlCompilationException.class,
                    () -> SqlEngine.compile(c.code(), c.schemas(), c.references()));
            List<String> expected = new ArrayList<>();
            c.errors().forEach(err -> expected.add(new SqlError(err.get("line").asInt(), err.get("column").asInt(),
                    err.get("message").asText()).toString()));
            List<String> actual = e.errors().stream().map(SqlError::toString).toList();
            assertEquals(expected, actual);
            return;
        }
        CompiledApplication app = SqlEngine.compile(c.code(), c.schemas(), c.references());
        RunningApplication running = app.start(Clock.fixed(Instant.ofEpochMilli(c.clockMillis()), ZoneOffset.UTC));
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (CompiledApplication.StreamDescription s : app.streams()) {
            List<Row> list = new ArrayList<>();
            rows.put(s.name(), list);
            running.subscribe(s.name(), list::add);
        }
        for (JsonNode table : c.tables()) {
            if (table.has("data")) {
                int loaded = running.loadReference(table.get("table").asText(), SqlCase.data(table.get("data")));
                if (table.has("loaded")) {
                    assertEquals(table.get("loaded").asInt(), loaded, "rows loaded into " + table.get("table"));
                }
            }
        }
        push(c, app, running);
        Iterator<String> names = c.expected().fieldNames();
        List<String> checked = new ArrayList<>();
        while (names.hasNext()) {
            String stream = names.next();
            assertTrue(rows.containsKey(stream), "no stream " + stream + " in " + rows.keySet());
            compare(stream, c.expected().get(stream), rows.get(stream));
            checked.add(stream);
        }
        if (!checked.contains("error_stream")) {
            assertEquals(List.of(), rows.get("error_stream").stream().map(r -> List.of(r.values())).toList(),
                    "unexpected error_stream rows");
        }
        Iterator<String> outputs = c.outputs().fieldNames();
        while (outputs.hasNext()) {
            String stream = outputs.next();
            JsonNode spec = c.outputs().get(stream);
            OutputFormat format = app.outputFormat(stream, spec.get("format").asText());
            List<String> expected = new ArrayList<>();
            spec.get("records").forEach(r -> expected.add(r.asText()));
            List<String> actual = rows.get(stream).stream()
                    .map(r -> new String(format.serialize(r), StandardCharsets.UTF_8)).toList();
            assertEquals(expected, actual, "serialized " + stream);
        }
    }

    private static void push(SqlCase c, CompiledApplication app, RunningApplication running) {
        long rowtime = SqlCase.DEFAULT_START;
        String input = app.inputStreamNames().isEmpty() ? null : app.inputStreamNames().get(0);
        for (JsonNode in : c.input()) {
            if (in.has("load")) {
                // A reload between records: takes no time of its own.
                running.loadReference(in.get("load").asText(), SqlCase.data(in.get("data")));
                continue;
            }
            rowtime = in.has("rowtime") ? SqlCase.time(in.get("rowtime")) : rowtime + 1000;
            if (in.has("advance")) {
                running.advanceTime(SqlCase.time(in.get("advance")));
            } else if (in.has("row")) {
                List<Object> values = new ArrayList<>();
                in.get("row").forEach(v -> values.add(RowValuesForTest.value(v)));
                running.pushRow(in.path("stream").asText(input), values.toArray(), rowtime);
            } else {
                long arrival = in.has("arrival") ? SqlCase.time(in.get("arrival")) : rowtime;
                running.pushRecord(in.path("stream").asText(input), new InputRecord(SqlCase.data(in.get("data")),
                        rowtime, arrival, "pk", "1", "shardId-000000000000"));
            }
        }
    }

    private static void compare(String stream, JsonNode expected, List<Row> actual) {
        List<String> want = new ArrayList<>();
        List<String> got = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            JsonNode e = i < expected.size() ? expected.get(i) : null;
            Row r = i < actual.size() ? actual.get(i) : null;
            want.add(e == null ? "<none>" : e.toString());
            got.add(r == null ? "<none>" : render(r, e).toString());
        }
        if (!want.equals(got)) {
            fail("stream " + stream + "\nexpected: " + String.join("\n          ", want) + "\nactual:   "
                    + String.join("\n          ", got));
        }
    }

    /** The actual row in the shape of the expected one: an array of values, or an object of chosen columns. */
    private static JsonNode render(Row row, JsonNode shape) {
        if (shape != null && shape.isObject()) {
            var out = MAPPER.createObjectNode();
            shape.fieldNames().forEachRemaining(name -> {
                if (name.equals("ROWTIME")) {
                    out.put(name, SqlCase.formatTime(row.rowtimeMillis()));
                } else {
                    int index = row.columns().indexOf(name);
                    out.set(name, index < 0 ? MAPPER.getNodeFactory().textNode("<no column " + name + ">")
                            : RowValuesForTest.json(row.values()[index]));
                }
            });
            return out;
        }
        ArrayNode out = MAPPER.createArrayNode();
        for (Object v : row.values()) {
            out.add(RowValuesForTest.json(v));
        }
        return out;
    }
}
