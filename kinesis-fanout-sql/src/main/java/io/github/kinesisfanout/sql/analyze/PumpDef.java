package io.github.kinesisfanout.sql.analyze;

import java.util.List;

/**
 * An analyzed pump: {@code INSERT INTO target (columns) q1 UNION ALL q2 ...}.
 *
 * @param name the pump name as stored
 * @param target the stream written
 * @param targetColumns for each select item, the index of the target column it fills
 * @param queries the SELECT STREAM branches (one unless UNION ALL)
 * @param ordering the ORDER BY of the pump's query, or null
 */
public record PumpDef(String name, StreamDef target, int[] targetColumns, List<QueryDef> queries, Ordering ordering) {

    /** A pump without ORDER BY. */
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
     * @param windows the sliding windows of the select list (empty when none); projections then read the row
     *     {@code [source columns..., analytic values...]}
     * @param tableFunction the table function this branch applies to the source rows (then everything else is
     *     empty or null and the target is the function's hidden stream), or null
     */
    public record QueryDef(StreamDef source, Expr where, List<Expr> projections, Expr rowtime, Aggregation aggregation,
            List<SlidingWindow> windows, TableFunction tableFunction) {

        /** A branch without sliding windows. */
        public QueryDef(StreamDef source, Expr where, List<Expr> projections, Expr rowtime, Aggregation aggregation) {
            this(source, where, projections, rowtime, aggregation, List.of(), null);
        }

        /** A branch without a table function. */
        public QueryDef(StreamDef source, Expr where, List<Expr> projections, Expr rowtime, Aggregation aggregation,
                List<SlidingWindow> windows) {
            this(source, where, projections, rowtime, aggregation, windows, null);
        }
    }
}
