package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;

/**
 * An in-application stream.
 *
 * @param name the name as stored
 * @param columns the columns in order
 * @param role input, created by CREATE STREAM, the error stream, or a reference table
 * @param inputIndex for an input stream, the index of its InputSchema; for a reference table, its index among the
 *     tables; -1 otherwise
 * @param derived true for a stream the analyzer made itself (role CREATED): the rows of a sub-query in FROM,
 *     of a {@code CURSOR(...)} argument or of a table function; SQL cannot name it and hosts do not see it
 * @param pos where a created stream's name is, or for a derived stream the sub-query or table function it holds;
 *     null for input streams and error_stream
 */
public record StreamDef(String name, List<ColumnDef> columns, Role role, int inputIndex, boolean derived,
        SourcePos pos) {

    /** A stream the application declares (or an input, or error_stream), without a position. */
    public StreamDef(String name, List<ColumnDef> columns, Role role, int inputIndex) {
        this(name, columns, role, inputIndex, false, null);
    }

    /** A stream the application declares at a position. */
    public StreamDef(String name, List<ColumnDef> columns, Role role, int inputIndex, SourcePos pos) {
        this(name, columns, role, inputIndex, false, pos);
    }

    /** Name of the system error stream (reference §3.4), lower case. */
    public static final String ERROR_STREAM = "error_stream";

    /**
     * Where a stream comes from. A REFERENCE "stream" is a reference table: it has rows but no ROWTIME, and is
     * read only through a join with a stream.
     */
    public enum Role { INPUT, CREATED, ERROR, REFERENCE }

    /**
     * A column.
     *
     * @param name the name as stored
     * @param type the type
     * @param notNull whether it is NOT NULL
     */
    public record ColumnDef(String name, SqlType type, boolean notNull, boolean declaredMonotonic) {

        /** A column not declared monotonic. */
        public ColumnDef(String name, SqlType type, boolean notNull) {
            this(name, type, notNull, false);
        }
    }

    /** The index of a column, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The error stream's seven columns (reference §3.4). */
    public static StreamDef errorStream() {
        return new StreamDef(ERROR_STREAM, List.of(
                new ColumnDef("ERROR_TIME", SqlType.TIMESTAMP, false),
                new ColumnDef("ERROR_LEVEL", SqlType.varchar(10), false),
                new ColumnDef("ERROR_NAME", SqlType.varchar(32), false),
                new ColumnDef("MESSAGE", SqlType.varchar(4096), false),
                new ColumnDef("DATA_ROWTIME", SqlType.TIMESTAMP, false),
                new ColumnDef("DATA_ROW", SqlType.varchar(49152), false),
                new ColumnDef("PUMP_NAME", SqlType.varchar(128), false)), Role.ERROR, -1);
    }
}
