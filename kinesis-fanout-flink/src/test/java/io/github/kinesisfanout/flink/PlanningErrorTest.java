package io.github.kinesisfanout.flink;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Mapping a Flink error to the script line, column and KDA line. */
class PlanningErrorTest {

    @Test
    void mapsTheStatementPositionToTheScriptLine() {
        ScriptStatement statement = new ScriptStatement("INSERT INTO x\nSELECT y FROM z", 20, 1, 6);
        RuntimeException flink = new RuntimeException("SQL validation failed. From line 2, column 8 to line 2,"
                + " column 8: Column 'y' not found in any table");
        assertEquals("Flink cannot plan the statement at application.sql line 21, column 8, translated from KDA"
                + " line 6: SQL validation failed. From line 2, column 8 to line 2, column 8: Column 'y' not found"
                + " in any table", PlanningError.of(flink, statement, "application.sql").getMessage());
    }

    @Test
    void onTheFirstLineTheColumnIsShiftedByTheStatementColumn() {
        ScriptStatement statement = new ScriptStatement("SELECT q", 4, 3, 0);
        RuntimeException flink = new RuntimeException("Encountered \"q\" at line 1, column 8.");
        assertEquals("Flink cannot plan the statement at a.sql line 4, column 10: Encountered \"q\" at line 1,"
                + " column 8.", PlanningError.of(flink, statement, "a.sql").getMessage());
    }

    @Test
    void withoutAPositionTheStatementLineIsNamedAndTheRootCauseAdded() {
        ScriptStatement statement = new ScriptStatement("CREATE TABLE t", 3, 1, 2);
        RuntimeException flink = new RuntimeException("Unable to create a source for reading table 't'.",
                new IllegalStateException("Could not find any factory for identifier 'kinesiss'"));
        assertEquals("Flink cannot plan the statement at a.sql line 3, translated from KDA line 2: Unable to create"
                + " a source for reading table 't'.; caused by IllegalStateException: Could not find any factory for"
                + " identifier 'kinesiss'", PlanningError.of(flink, statement, "a.sql").getMessage());
    }

    @Test
    void findsTheFirstLineColumnPair() {
        assertArrayEquals(new int[] {3, 14}, PlanningError.firstPosition("the line is bad at line 3, column 14"));
        assertNull(PlanningError.firstPosition("no position"));
    }

    @Test
    void oneLineCollapsesWhitespace() {
        assertEquals("a b c", Causes.oneLine("a\n  b\tc\n"));
    }
}
