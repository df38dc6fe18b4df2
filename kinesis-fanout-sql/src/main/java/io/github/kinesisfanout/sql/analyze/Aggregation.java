package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;

/**
 * A tumbling window (streaming GROUP BY, reference 4.5): rows are grouped by a monotonic expression of
 * ROWTIME (the window) and other keys; when the window closes, one row per group is emitted with the
 * ROWTIME of the window's end. Projections and HAVING are evaluated over the aggregate row
 * {@code [window start, keys..., aggregates...]}.
 *
 * @param window the window start of an input row (TIMESTAMP)
 * @param widthMillis the window width for STEP, or 0 when {@code unit} is used
 * @param unit the FLOOR unit (MINUTE, HOUR...), or null for STEP
 * @param keys the other grouping keys, over the input row
 * @param aggregates the aggregate calls, over the input row
 * @param having the HAVING condition over the aggregate row, or null
 * @param driver what the window is: STEP/FLOOR of ROWTIME ({@code widthMillis} or {@code unit} set), or any
 *     other expression ascending with ROWTIME or APPROXIMATE_ARRIVAL_TIME (the window is then the set of rows
 *     with one value of it; {@code window} may have any type, and the first aggregate column holds that value)
 * @param distinct {@code SELECT DISTINCT ... GROUP BY}: the output rows of one window that are equal come out once,
 *     the first of them, in the window's order
 */
public record Aggregation(Expr window, long widthMillis, String unit, List<Expr> keys, List<AggregateCall> aggregates,
        Expr having, Driver driver, boolean distinct) {

    /** A window of STEP(ROWTIME BY ...) or FLOOR(ROWTIME TO unit). */
    public Aggregation(Expr window, long widthMillis, String unit, List<Expr> keys, List<AggregateCall> aggregates,
            Expr having) {
        this(window, widthMillis, unit, keys, aggregates, having, Driver.ROWTIME_UNIT, false);
    }

    /** How the window expression relates to time. */
    public enum Driver {
        /** STEP(ROWTIME BY INTERVAL ...) or FLOOR(ROWTIME TO unit). */
        ROWTIME_UNIT,
        /** Another expression ascending with ROWTIME, e.g. {@code FLOOR((ROWTIME - TIMESTAMP '...') SECOND / 10 TO SECOND)}. */
        ROWTIME_EXPRESSION,
        /** An expression ascending with APPROXIMATE_ARRIVAL_TIME (and no window on ROWTIME in the GROUP BY). */
        ARRIVAL_EXPRESSION,
        /**
         * A key declared monotonic ({@code MONOTONIC(expr)}, or a sub-query column that was one) and no key on
         * ROWTIME or arrival time: a window closes only when a row with another value of it arrives, and its
         * rows get that row's ROWTIME.
         */
        DECLARED,
        /**
         * A stagger window ({@code WINDOWED BY STAGGER}): one window per key combination, opened by its first
         * row and closed {@code widthMillis} later; {@code window} is ROWTIME and the aggregate row's first
         * column holds the opening time.
         */
        STAGGER
    }

    /**
     * Aggregate functions the engine computes. FIRST_VALUE and LAST_VALUE are the value of the group's first
     * and last row (reference: "first/last value in the group or window"), NULL included, as over a window.
     * ANY and EVERY (reference: Boolean functions) are TRUE when their argument is TRUE in some / every row.
     */
    public enum Kind { COUNT, SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE, ANY, EVERY }

    /** The type of ANY / EVERY: BOOLEAN, of a BOOLEAN argument only. */
    static SqlType booleanType(Kind kind, Expr arg, org.apache.calcite.sql.SqlCall call) {
        if (arg.type().kind() != SqlType.Kind.BOOLEAN && !arg.type().isNull()) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(0)), kind + " expects a BOOLEAN argument, not "
                    + arg.type());
        }
        return SqlType.BOOLEAN;
    }

    /**
     * One aggregate call.
     *
     * @param kind the function
     * @param arg its argument over the input row, or null for COUNT(*)
     * @param type the result type
     */
    public record AggregateCall(Kind kind, Expr arg, SqlType type) {
    }
}
