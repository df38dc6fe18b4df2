package io.github.kinesisfanout.operations.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kinesisfanout.sql.FlinkConstruct;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstructTableTest {

    @Test
    void alignsTheColumnsAndMarksWhatHasNoPositionOrDifference() {
        List<String> lines = ConstructTable.render(List.of(
                new FlinkConstruct(0, 0, "ROWTIME", "PROCTIME()", "not replayable"),
                new FlinkConstruct(15, 24, "pump P", "INSERT INTO", null)));

        assertEquals(List.of(
                "KDA   | KDA construct | Flink construct | Difference",
                "-     | ROWTIME       | PROCTIME()      | not replayable",
                "15:24 | pump P        | INSERT INTO     | -"), lines);
    }

    @Test
    void keepsAConstructOnOneLineAndShortensALongOne() {
        String longFlink = "x".repeat(80);
        List<String> lines = ConstructTable.render(List.of(
                new FlinkConstruct(3, 1, "CASE WHEN A > 0\n    THEN 1 END", longFlink, null)));

        assertEquals("3:1 | CASE WHEN A > 0 THEN 1 END | " + "x".repeat(69) + "... | -", lines.get(1));
    }
}
