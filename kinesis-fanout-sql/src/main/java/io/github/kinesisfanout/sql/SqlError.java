package io.github.kinesisfanout.sql;

/**
 * One compile-time error, located in the application code.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong, e.g. {@code Column 'AMOUNTT' not found in stream "SOURCE_SQL_STREAM_001"}
 */
public record SqlError(int line, int column, String message) {

    /** {@code line 12, column 7: message}, the form every tool prints. */
    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
