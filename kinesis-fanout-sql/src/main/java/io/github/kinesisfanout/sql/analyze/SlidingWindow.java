package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;

/**
 * A sliding window (reference 4.5, {@code WINDOW w AS (...)} or inline {@code OVER (...)}): each row passing
 * WHERE enters the window of its partition, and every analytic call over the window yields one value per
 * row, computed over the rows of the partition the frame holds at that row (the row itself included).
 * Projections read the row {@code [source columns..., analytic values...]}; each call names its column.
 *
 * @param partitionBy the PARTITION BY keys over the source row (empty: one partition)
 * @param rows true for {@code ROWS n PRECEDING}, false for {@code RANGE ... PRECEDING}
 * @param size the n of ROWS n PRECEDING, the RANGE interval in milliseconds (both ends included), or
 *     {@link #UNBOUNDED} for {@code UNBOUNDED PRECEDING}
 * @param calls the analytic calls over this window
 */
public record SlidingWindow(List<Expr> partitionBy, boolean rows, long size, List<Call> calls) {

    /** The size of an UNBOUNDED PRECEDING frame. */
    public static final long UNBOUNDED = -1;

    /** Analytic functions over a sliding window. */
    public enum Function { COUNT, SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE, LAG, STDDEV_POP, STDDEV_SAMP, VAR_POP,
        VAR_SAMP, NTH_VALUE, EXP_AVG, ANY, EVERY }

    /**
     * One analytic call.
     *
     * @param function the function
     * @param arg its argument over the source row, or null for COUNT(*)
     * @param type the result type
     * @param offset for LAG, how many rows back (1 by default); for NTH_VALUE its n (from 1); 0 otherwise
     * @param defaultValue for LAG, the value when the frame is too short (NULL literal by default), else null
     * @param column the index of the call's value in the row projections read
     * @param nulls how FIRST_VALUE, LAST_VALUE, LAG and NTH_VALUE count NULL values
     * @param fromLast for NTH_VALUE, whether n counts from the newest row ({@code FROM LAST})
     * @param halfLife for EXP_AVG, the half-life in milliseconds; 0 otherwise
     */
    public record Call(Function function, Expr arg, SqlType type, int offset, Expr defaultValue, int column,
            Nulls nulls, boolean fromLast, long halfLife) {

        /** Whether NULL values are skipped ({@code IGNORE NULLS}). */
        public boolean ignoreNulls() {
            return nulls == Nulls.IGNORE;
        }
    }

    /** A call's null treatment: none written, {@code RESPECT NULLS} (the same as none) or {@code IGNORE NULLS}. */
    public enum Nulls { DEFAULT, RESPECT, IGNORE }
}
