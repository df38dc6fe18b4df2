package io.github.kinesisfanout.flink;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statement splitting: quotes, backticks, comments, line numbers and KDA lines. */
class StatementSplitterTest {

    @Test
    void splitsAtSemicolonsAndNotesTheKdaLines() {
        String script = String.join("\n",
                "-- Translated by kinesis-fanout",
                "-- KDA line 1: CREATE OR REPLACE STREAM \"POS\"",
                "CREATE TABLE `POS` (`ID` INT) WITH (",
                "  'connector' = 'kinesis',",
                "  'format' = 'json'",
                ");",
                "",
                "-- KDA line 7: CREATE OR REPLACE PUMP \"P\"",
                "INSERT INTO `POS`",
                "SELECT `ID` FROM `src`;");
        List<ScriptStatement> statements = StatementSplitter.split(script);
        assertEquals(2, statements.size());
        assertEquals("CREATE TABLE `POS` (`ID` INT) WITH (\n  'connector' = 'kinesis',\n  'format' = 'json'\n)",
                statements.get(0).text());
        assertEquals(3, statements.get(0).line());
        assertEquals(1, statements.get(0).column());
        assertEquals(1, statements.get(0).kdaLine());
        assertFalse(statements.get(0).isInsert());
        assertEquals("INSERT INTO `POS`\nSELECT `ID` FROM `src`", statements.get(1).text());
        assertEquals(9, statements.get(1).line());
        assertEquals(7, statements.get(1).kdaLine());
        assertTrue(statements.get(1).isInsert());
    }

    @Test
    void semicolonsInsideQuotesBackticksAndCommentsDoNotSplit() {
        String script = "SELECT 'a;b', `c;d`, 'it''s;' -- e;f\nFROM t /* g;h */ WHERE x = ';';\n"
                + "  insert into x select 1";
        List<ScriptStatement> statements = StatementSplitter.split(script);
        assertEquals(2, statements.size());
        assertEquals("SELECT 'a;b', `c;d`, 'it''s;' -- e;f\nFROM t /* g;h */ WHERE x = ';'", statements.get(0).text());
        assertEquals("insert into x select 1", statements.get(1).text());
        assertEquals(3, statements.get(1).line());
        assertEquals(3, statements.get(1).column());
        assertTrue(statements.get(1).isInsert());
        assertEquals(0, statements.get(1).kdaLine());
    }

    @Test
    void linesInsideMultiLineLiteralsAndBlockCommentsAreCounted() {
        String script = "SELECT 'a\nb';\n/* c\nd */\nSELECT 2;";
        List<ScriptStatement> statements = StatementSplitter.split(script);
        assertEquals(5, statements.get(1).line());
    }

    @Test
    void aKdaCommentInsideAStatementDoesNotMoveItsLine() {
        String script = "-- KDA line 3: x\nINSERT INTO a\n-- KDA line 9: y\nSELECT 1;\nINSERT INTO b SELECT 2;";
        List<ScriptStatement> statements = StatementSplitter.split(script);
        assertEquals(3, statements.get(0).kdaLine());
        assertEquals(3, statements.get(1).kdaLine());
    }

    @Test
    void blankAndCommentOnlyScriptsHaveNoStatements() {
        assertEquals(0, StatementSplitter.split("\n-- nothing\n;;\n/* x */\n").size());
    }

    @Test
    void readsKdaLineComments() {
        assertEquals(12, StatementSplitter.kdaLineOf(" KDA line 12: CREATE PUMP"));
        assertEquals(0, StatementSplitter.kdaLineOf(" KDA line x"));
        assertEquals(0, StatementSplitter.kdaLineOf(" something else"));
    }
}
