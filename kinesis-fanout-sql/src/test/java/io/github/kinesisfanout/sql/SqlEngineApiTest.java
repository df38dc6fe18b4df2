package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host-facing contract around the fixtures: stream descriptions, misuse errors, independent instances. */
class SqlEngineApiTest {

    private static final String CODE = "CREATE STREAM \"Out\" (ID INTEGER NOT NULL, AMOUNT DECIMAL(5,2), NOTE CHAR(2));\n"
            + "CREATE PUMP P AS INSERT INTO \"Out\" (ID, AMOUNT) SELECT STREAM ID, AMOUNT FROM \"SOURCE_SQL_STREAM_001\";";

    private final CompiledApplication app = SqlEngine.compile(CODE, List.of(SqlCase.transactions()));

    @Test
    void describesInputCreatedAndErrorStreams() {
        assertEquals(List.of("SOURCE_SQL_STREAM_001"), app.inputStreamNames());
        assertEquals(List.of("SOURCE_SQL_STREAM_001", "Out", "error_stream"),
                app.streams().stream().map(CompiledApplication.StreamDescription::name).toList());
        assertEquals(List.of(new CompiledApplication.ColumnDescription("ID", "INTEGER"),
                new CompiledApplication.ColumnDescription("AMOUNT", "DECIMAL(5,2)"),
                new CompiledApplication.ColumnDescription("NOTE", "CHAR(2)")), app.streams().get(1).columns());
        assertEquals(List.of("ERROR_TIME", "ERROR_LEVEL", "ERROR_NAME", "MESSAGE", "DATA_ROWTIME", "DATA_ROW", "PUMP_NAME"),
                app.streams().get(2).columns().stream().map(CompiledApplication.ColumnDescription::name).toList());
    }

    @Test
    void anInputWithParallelismMakesOneStreamPerCount() {
        String code = "CREATE STREAM OUT1 (ID INTEGER);\n"
                + "CREATE PUMP P1 AS INSERT INTO OUT1 SELECT STREAM ID FROM \"SOURCE_SQL_STREAM_001\";\n"
                + "CREATE PUMP P3 AS INSERT INTO OUT1 SELECT STREAM ID FROM \"SOURCE_SQL_STREAM_003\";";
        CompiledApplication three = SqlEngine.compile(code, List.of(SqlCase.transactions().withParallelism(3)));
        assertEquals(List.of("SOURCE_SQL_STREAM_001", "SOURCE_SQL_STREAM_002", "SOURCE_SQL_STREAM_003"),
                three.inputStreamNames());
        List<Object> ids = new ArrayList<>();
        RunningApplication run = three.start();
        run.subscribe("OUT1", row -> ids.add(row.values()[0]));
        run.pushRecord("SOURCE_SQL_STREAM_003", new InputRecord("{\"ID\":7}".getBytes(StandardCharsets.UTF_8), 1, 1,
                "pk", "1", "shardId-0"));
        run.pushRecord("SOURCE_SQL_STREAM_002", new InputRecord("{\"ID\":8}".getBytes(StandardCharsets.UTF_8), 2, 2,
                "pk", "2", "shardId-1"));
        assertEquals(List.of(7), ids);
        SqlCompilationException one = assertThrows(SqlCompilationException.class,
                () -> SqlEngine.compile(code, List.of(SqlCase.transactions())));
        assertEquals("line 3, column 58: Stream \"SOURCE_SQL_STREAM_003\" not found; did you mean "
                + "\"SOURCE_SQL_STREAM_001\"?", one.getMessage());
        assertEquals("Input parallelism must be between 1 and 64, was 65", assertThrows(IllegalArgumentException.class,
                () -> SqlCase.transactions().withParallelism(65)).getMessage());
    }

    @Test
    void rejectsUnknownOutputsAndFormats() {
        assertEquals("No in-application stream \"OUT\" (names match exactly, as stored)",
                assertThrows(IllegalArgumentException.class, () -> app.outputFormat("OUT", "JSON")).getMessage());
        assertEquals("Record format type 'AVRO' is not supported: use JSON or CSV",
                assertThrows(IllegalArgumentException.class, () -> app.outputFormat("Out", "AVRO")).getMessage());
    }

    @Test
    void rejectsMisuseOfARunningInstance() {
        RunningApplication run = app.start();
        InputRecord record = new InputRecord("{}".getBytes(StandardCharsets.UTF_8), 1, 1, "pk", "1", "shardId-0");
        assertEquals("\"Out\" is not an input stream",
                assertThrows(IllegalArgumentException.class, () -> run.pushRecord("Out", record)).getMessage());
        assertEquals("Stream \"Out\" has 3 columns, the row has 1 values",
                assertThrows(IllegalArgumentException.class, () -> run.pushRow("Out", new Object[] {1}, 1)).getMessage());
        assertEquals("Column 'NOTE' is CHAR(2), the value is a Integer",
                assertThrows(IllegalArgumentException.class, () -> run.pushRow("Out", new Object[] {1, null, 5}, 1))
                        .getMessage());
        assertEquals("error_stream is written by the engine only",
                assertThrows(IllegalArgumentException.class, () -> run.pushRow("error_stream", new Object[7], 1))
                        .getMessage());
    }

    @Test
    void instancesAreIndependent() {
        RunningApplication first = app.start();
        RunningApplication second = app.start();
        List<Object> firstIds = new ArrayList<>();
        List<Object> secondIds = new ArrayList<>();
        first.subscribe("Out", row -> firstIds.add(row.values()[0]));
        second.subscribe("Out", row -> secondIds.add(row.values()[0]));
        first.pushRecord("SOURCE_SQL_STREAM_001", new InputRecord("{\"ID\":1}".getBytes(StandardCharsets.UTF_8), 5, 5,
                "pk", "1", "shardId-0"));
        // A lower ROWTIME is not late for the second instance: each keeps its own stream state.
        second.pushRecord("SOURCE_SQL_STREAM_001", new InputRecord("{\"ID\":2}".getBytes(StandardCharsets.UTF_8), 1, 1,
                "pk", "2", "shardId-0"));
        assertEquals(List.of(1), firstIds);
        assertEquals(List.of(2), secondIds);
    }
}
