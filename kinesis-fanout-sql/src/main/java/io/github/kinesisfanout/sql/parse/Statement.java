package io.github.kinesisfanout.sql.parse;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlInsert;

/** One statement of application code: CREATE STREAM or CREATE PUMP. */
public sealed interface Statement {

    /** Where the statement's name is. */
    SourcePos pos();

    /** The name as stored. */
    String name();

    /**
     * {@code CREATE [OR REPLACE] STREAM name (columns) [DESCRIPTION '...']}.
     *
     * @param name the stream name as stored
     * @param pos where the name is
     * @param orReplace whether OR REPLACE was given
     * @param columns the declared columns
     * @param description the description, or null
     */
    record CreateStream(String name, SourcePos pos, boolean orReplace, List<ColumnSpec> columns,
            String description) implements Statement {
    }

    /**
     * {@code CREATE [OR REPLACE] PUMP name AS INSERT INTO ...}.
     *
     * @param name the pump name as stored
     * @param pos where the name is
     * @param orReplace whether OR REPLACE was given
     * @param insert the INSERT statement as Calcite parsed it (positions are original positions)
     * @param commaSubstrings positions of {@code SUBSTRING(s, start [, len])} calls (comma form)
     * @param fromWindows the windows of FROM items in joins of two streams, by where the FROM item starts
     */
    record CreatePump(String name, SourcePos pos, boolean orReplace, SqlInsert insert,
            Set<SourcePos> commaSubstrings, Map<SourcePos, FromWindow> fromWindows) implements Statement {
    }

    /**
     * A column of CREATE STREAM.
     *
     * @param name the name as stored
     * @param type the type
     * @param notNull whether NOT NULL was given
     * @param pos where the name is
     */
    record ColumnSpec(String name, SqlType type, boolean notNull, SourcePos pos) {
    }
}
