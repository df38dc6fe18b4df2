package io.github.kinesisfanout.sql.analyze;

import java.util.List;

/**
 * A join of two streams (reference §4.6), each side bounded by its window. A hidden pump with two branches, one per
 * side, feeds one join state that writes the joined rows to a hidden stream: the left side's columns, the right
 * side's, then the left row's ROWTIME and the right row's (so {@code a.ROWTIME} and {@code b.ROWTIME} can be read;
 * NULL on the side an outer join fills with NULLs). A pair comes out with the later of the two ROWTIMEs; a row an
 * outer join keeps unmatched comes out when its window can no longer match it, with the ROWTIME of the window's end.
 *
 * @param sides the left and the right side
 * @param on the join condition over the joined row, or null (CROSS JOIN, comma join: every pair in the windows)
 */
public record StreamJoin(List<Side> sides, Expr on) {

    /**
     * One side of the join.
     *
     * @param source the stream (or sub-query stream) read
     * @param window the rows of this side a row of the other side is joined with
     * @param kept whether a row of this side that matches nothing comes out, with NULLs for the other side (LEFT
     *     JOIN keeps the left side, RIGHT JOIN the right, FULL JOIN both)
     * @param offset where its columns start in the joined row
     */
    public record Side(StreamDef source, JoinWindow window, boolean kept, int offset) {

        public int width() {
            return source.columns().size();
        }
    }

    /**
     * What one branch of the join's hidden pump feeds.
     *
     * @param join the join
     * @param side 0 for the left side, 1 for the right
     */
    public record Input(StreamJoin join, int side) {
    }

    /** The number of columns of the joined row: both sides' columns and their two ROWTIMEs. */
    public int width() {
        return sides.get(0).width() + sides.get(1).width() + 2;
    }

    /** Where the ROWTIME of a side's row sits in the joined row. */
    public int rowtimeColumn(int side) {
        return sides.get(0).width() + sides.get(1).width() + side;
    }
}
