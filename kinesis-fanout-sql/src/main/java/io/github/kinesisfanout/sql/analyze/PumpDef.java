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
 * @param ordering the ORDER BY of the pump's query, or null
 * @param pos where the pump's name is; for a hidden pump, the sub-query or table function it runs; or null
 */
public record PumpDef(String name, StreamDef target, int[] targetColumns, List<QueryDef> queries, Ordering ordering,
        SourcePos pos) {

    /**
     * One SELECT STREAM of a pump.
     *
     * @param source the stream read
     * @param where the WHERE condition, or null
     * @param projections the select items, already converted to their target column types
     * @param rowtime the {@code expr AS ROWTIME} override, or null to keep the input ROWTIME
     * @param aggregation the tumbling window, or null; projections then read the aggregate row
     * @param windows the sliding windows of the select list (empty when none); projections then read the row
     *     {@code [source columns..., analytic values...]}
     * @param tableFunction the table function this branch applies to the source rows (then everything else is
     *     empty or null and the target is the function's hidden stream), or null
     * @param join the reference table this branch joins the source rows with (then everything else is empty or null
     *     and the target is the join's hidden stream), or null
     * @param pos where the SELECT (or the table function call, or the join) is, or null
     * @param streamJoin the side of a join of two streams this branch feeds with its source rows (then everything
     *     else is empty or null and the target is the join's hidden stream), or null
     */
    public record QueryDef(StreamDef source, Expr where, List<Expr> projections, Expr rowtime, Aggregation aggregation,
            List<SlidingWindow> windows, TableFunction tableFunction, ReferenceJoin join, SourcePos pos,
            StreamJoin.Input streamJoin) {

        public QueryDef(StreamDef source, Expr where, List<Expr> projections, Expr rowtime, Aggregation aggregation,
                List<SlidingWindow> windows, TableFunction tableFunction, ReferenceJoin join, SourcePos pos) {
            this(source, where, projections, rowtime, aggregation, windows, tableFunction, join, pos, null);
        }
    }
}
