package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.List;

/**
 * An analyzed pump: {@code INSERT INTO target (columns) q1 UNION ALL q2 ...}.
 *
 * @param name the pump name as stored
 * @param target the stream written
 * @param targetColumns for each select item, the index of the target column it fills
 * @param queries the SELECT STREAM branches (one unless UNION ALL)
 * @param pos where the pump's name is, or null
 */
public record PumpDef(String name, StreamDef target, int[] targetColumns, List<QueryDef> queries, SourcePos pos) {

    public PumpDef(String name, StreamDef target, int[] targetColumns, List<QueryDef> queries) {
        this(name, target, targetColumns, queries, null);
    }

    /**
     * One SELECT STREAM of a pump.
     *
     * @param source the stream read
     * @param where the WHERE condition, or null
     * @param projections the select items, already converted to their target column types
     * @param rowtime the {@code expr AS ROWTIME} override, or null to keep the input ROWTIME
     * @param aggregation the tumbling window, or null; projections then read the aggregate row
     * @param pos where the SELECT is, or null
     */
    public record QueryDef(StreamDef source, Expr where, List<Expr> projections, Expr rowtime, Aggregation aggregation,
            SourcePos pos) {

        public QueryDef(StreamDef source, Expr where, List<Expr> projections, Expr rowtime, Aggregation aggregation) {
            this(source, where, projections, rowtime, aggregation, null);
        }
    }
}
