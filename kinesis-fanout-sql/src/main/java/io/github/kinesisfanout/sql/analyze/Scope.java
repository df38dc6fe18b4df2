package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.List;
import java.util.Set;

/**
 * What names an expression of one SELECT can see: the columns of its FROM stream.
 *
 * @param stream the stream read (for a join, the hidden stream of joined rows)
 * @param qualifiers names that may qualify a column: the stream name and its alias (for a join, those of every side)
 * @param commaSubstrings positions of comma-form SUBSTRING calls in the pump
 * @param positions receives where each expression was written
 * @param sides for a join, the FROM items whose columns make up the joined row, in FROM order; empty otherwise
 */
record Scope(StreamDef stream, Set<String> qualifiers, Set<SourcePos> commaSubstrings, ExprPositions positions,
        List<Side> sides) {

    Scope(StreamDef stream, Set<String> qualifiers, Set<SourcePos> commaSubstrings, ExprPositions positions) {
        this(stream, qualifiers, commaSubstrings, positions, List.of());
    }

    Scope(StreamDef stream, Set<String> qualifiers, Set<SourcePos> commaSubstrings) {
        this(stream, qualifiers, commaSubstrings, new ExprPositions());
    }

    /**
     * One FROM item of a join.
     *
     * @param source the stream, sub-query stream or reference table (role REFERENCE) read
     * @param qualifiers the names that qualify its columns: its name and its alias
     * @param offset where its columns start in the joined row
     * @param rowtime in a join of two streams, where the side row's ROWTIME sits in the joined row; -1 when the
     *     joined row's own ROWTIME is the side's (a stream joined with reference tables)
     */
    record Side(StreamDef source, Set<String> qualifiers, int offset, int rowtime) {

        Side(StreamDef source, Set<String> qualifiers, int offset) {
            this(source, qualifiers, offset, -1);
        }

        /** The same side at another place in a wider joined row. */
        Side shifted(int by) {
            return new Side(source, qualifiers, offset + by, rowtime < 0 ? -1 : rowtime + by);
        }

        boolean table() {
            return source.role() == StreamDef.Role.REFERENCE;
        }

        /** How an error names this side: the table or stream name, or "the sub-query". */
        String label() {
            return source.derived() ? "the sub-query" : (table() ? "table \"" : "stream \"") + source.name() + "\"";
        }
    }

    List<String> columnNames() {
        return stream.columns().stream().map(StreamDef.ColumnDef::name).toList();
    }

    /** The side a qualifier names, or null (also for a scope that is not a join). */
    Side side(String qualifier) {
        for (Side side : sides) {
            if (side.qualifiers().contains(qualifier)) {
                return side;
            }
        }
        return null;
    }

    /** The stream side of a join (the one that is not a reference table), or null for a scope that is not a join. */
    Side streamSide() {
        for (Side side : sides) {
            if (!side.table()) {
                return side;
            }
        }
        return null;
    }
}
