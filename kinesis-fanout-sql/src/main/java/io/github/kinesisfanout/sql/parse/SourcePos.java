package io.github.kinesisfanout.sql.parse;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A 1-based line and column in the original application code.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourcePos(int line, int column) {

    /**
     * Calcite positions are already positions in the original code: the query text handed to Calcite
     * keeps every character offset and line break of the application code (see {@link QueryParser}).
     */
    public static SourcePos of(SqlParserPos pos) {
        if (pos == null || pos.getLineNum() <= 0) {
            return new SourcePos(1, 1);
        }
        return new SourcePos(pos.getLineNum(), pos.getColumnNum());
    }
}
