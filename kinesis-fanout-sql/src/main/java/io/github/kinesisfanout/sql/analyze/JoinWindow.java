package io.github.kinesisfanout.sql.analyze;

/**
 * The window one side of a join of two streams is bounded by (reference §4.6): the rows of that side a row of the
 * other side can be joined with.
 *
 * @param kind what bounds the window
 * @param size for RANGE, the interval in milliseconds (both ends included); for ROWS, the n of {@code ROWS n
 *     PRECEDING} (the latest row and the n before it); 0 for CURRENT_ROW
 */
public record JoinWindow(Kind kind, long size) {

    /** What bounds a join window. */
    public enum Kind {
        /** No window: only the side's current row, the rows with the same ROWTIME as the row joined. */
        CURRENT_ROW,
        /** {@code RANGE INTERVAL ... PRECEDING}: the rows whose ROWTIME is within the interval before. */
        RANGE,
        /** {@code ROWS n PRECEDING}: the latest n + 1 rows. */
        ROWS
    }

    /** The window of a side written without OVER. */
    public static final JoinWindow CURRENT = new JoinWindow(Kind.CURRENT_ROW, 0);
}
