package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The host-facing contract of {@link SqlEngine#translateToFlink}: the construct table and its errors. */
class FlinkTranslationApiTest {

    private static final List<InputSchema> INPUT = List.of(new InputSchema("SOURCE_SQL_STREAM",
            InputSchema.RecordFormat.json("$"), List.of(new InputSchema.Column("ID", "INTEGER", "$.ID")), "UTF-8"));

    private static final String CODE = "CREATE STREAM \"OUT\" (ID INTEGER, K VARCHAR(20));\n"
            + "CREATE PUMP \"P\" AS INSERT INTO \"OUT\"\n"
            + "  SELECT STREAM ID, INITCAP('ab') FROM \"SOURCE_SQL_STREAM_001\";";

    @Test
    void constructsNameWhereEachConstructIsAndWhatItBecame() {
        FlinkTranslation t = SqlEngine.translateToFlink(CODE, INPUT, List.of(new FlinkOutput("OUT", "JSON")),
                FlinkOptions.defaults());
        assertTrue(t.constructs().contains(new FlinkConstruct(3, 21, "INITCAP",
                "UDF KDA_INITCAP (io.github.kinesisfanout.flink.functions.Initcap)", null)), t.constructs().toString());
        assertTrue(t.constructs().contains(new FlinkConstruct(2, 13, "pump P", "INSERT INTO (one statement set)", null)));
        assertTrue(t.constructs().contains(new FlinkConstruct(0, 0, "ROWTIME", "PROCTIME()",
                "processing time is not replayable: a rerun gives other windows")));
        assertTrue(t.script().startsWith("CREATE TEMPORARY SYSTEM FUNCTION `KDA_INITCAP` AS "
                + "'io.github.kinesisfanout.flink.functions.Initcap';\n"));
        assertEquals(List.of(), t.warnings());
    }

    @Test
    void anOutputThatIsNoStreamIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlEngine.translateToFlink(
                CODE, INPUT, List.of(new FlinkOutput("out", "JSON")), FlinkOptions.defaults()));
        assertEquals("Output \"out\" is not a stream the application creates (names match exactly, as stored) nor "
                + "error_stream", e.getMessage());
    }

    @Test
    void codeThatDoesNotCompileFailsAsForTheEngine() {
        SqlCompilationException e = assertThrows(SqlCompilationException.class, () -> SqlEngine.translateToFlink(
                CODE.replace("SELECT STREAM ID,", "SELECT STREAM IDD,"), INPUT, List.of(), null));
        assertEquals(3, e.errors().get(0).line());
        assertEquals(17, e.errors().get(0).column());
    }

    @Test
    void aRowPathOverAnArrayIsRefusedNamingTheInput() {
        List<InputSchema> input = List.of(new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$.rows[0:]"),
                List.of(new InputSchema.Column("ID", "INTEGER", "$.ID")), "UTF-8"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlEngine.translateToFlink(
                CODE, input, List.of(new FlinkOutput("OUT", "JSON")), FlinkOptions.defaults()));
        assertEquals("Input SOURCE_SQL_STREAM_001: RecordRowPath '$.rows[0:]' (one row per array element) is not "
                + "translated to Flink SQL: use $ or a member path", e.getMessage());
    }
}
