package io.github.kinesisfanout.sql;

/**
 * One compile-time error, located in the application code.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong, e.g. {@code Column 'AMOUNTT' not found in stream "SOURCE_SQL_STREAM_001"}
 * @param unknownSource for an error about a joined FROM item that names no stream or reference table, that name
 *     as stored; null for any other error (a host may accept code joining a reference table it adds later)
 */
public record SqlError(int line, int column, String message, String unknownSource) {

    public SqlError(int line, int column, String message) {
        this(line, column, message, null);
    }

    /** {@code line 12, column 7: message}, the form every tool prints. */
    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
