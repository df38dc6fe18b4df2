package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.JoinWindow;
import io.github.kinesisfanout.sql.plan.StreamJoinPlan;
import io.github.kinesisfanout.sql.plan.StreamRow;
import io.github.kinesisfanout.sql.type.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The state of a join of two streams (reference §4.6), fed by the two branches of the join's hidden pump. Each side
 * holds the rows its window still offers: a RANGE window the rows of the last interval, ROWS n the latest n + 1
 * rows, a side without a window the rows of the current ROWTIME. A row arriving on one side is joined with the rows
 * the other side holds, and the pairs the condition holds for come out with the later of the two ROWTIMEs. The join
 * has one clock, the latest ROWTIME of either side (or of {@code advanceTime}); when it passes the end of a held row's
 * window the row is dropped, and a row an outer join keeps that matched nothing comes out then, NULLs on the other
 * side, with the window's end as its ROWTIME. Rows come out in ascending ROWTIME: a row arriving behind the other
 * side's clock has its pairs stamped no earlier than the last row out.
 */
final class StreamJoinOperator {

    private final StreamJoinPlan plan;
    private final List<ArrayDeque<Held>> held = List.of(new ArrayDeque<>(), new ArrayDeque<>());
    private long clock = Long.MIN_VALUE;
    private long lastOut = Long.MIN_VALUE;
    private long arrivals;

    /** A row a side holds, in arrival order, and whether it has been part of a pair. */
    private static final class Held {
        final Object[] values;
        final long rowtime;
        final long order;
        boolean matched;

        Held(Object[] values, long rowtime, long order) {
            this.values = values;
            this.rowtime = rowtime;
            this.order = order;
        }
    }

    /** A kept row whose window ended: it comes out at {@code end}. */
    private record Expired(int side, Held row, long end) {
    }

    StreamJoinOperator(StreamJoinPlan plan) {
        this.plan = plan;
    }

    /** The input of one side, as the operator of that side's branch. */
    TableOperator input(int side) {
        return new TableOperator() {
            @Override
            public void apply(StreamRow row, Output out) {
                arrive(side, row, out);
            }

            @Override
            public void advance(long bound, Output out) {
                moveClock(bound, out);
            }
        };
    }

    private void arrive(int side, StreamRow row, TableOperator.Output out) {
        long t = row.rowtime;
        moveClock(t, out);
        Held x = new Held(row.values, t, arrivals++);
        JoinWindow own = plan.window(side);
        for (Held y : held.get(1 - side)) {
            // A row held by the other side is in its window at t; one later than t (this row is behind the other
            // side) is joined when this row is in its own side's window at that later time.
            if (y.rowtime > t && !reaches(own, y.rowtime - t)) {
                continue;
            }
            long rowtime = Math.max(t, y.rowtime);
            Object[] joined = side == 0 ? pair(x, y) : pair(y, x);
            if (plan.on() == null
                    || plan.on().eval(new StreamRow(joined, rowtime, rowtime, row.context)) == Boolean.TRUE) {
                x.matched = true;
                y.matched = true;
                emit(joined, rowtime, out);
            }
        }
        ArrayDeque<Held> mine = held.get(side);
        mine.addLast(x);
        if (own.kind() == JoinWindow.Kind.ROWS && mine.size() > own.size() + 1) {
            // The row pushed out of a ROWS window can no longer be matched: its window ended now.
            Held gone = mine.removeFirst();
            if (plan.kept(side) && !gone.matched) {
                emit(unmatched(side, gone), Math.max(gone.rowtime, t), out);
            }
        }
    }

    /** Whether a window of this kind, at a time {@code later} after a row, still holds it. */
    private static boolean reaches(JoinWindow window, long later) {
        return switch (window.kind()) {
            case CURRENT_ROW -> later == 0;
            case RANGE -> later <= window.size();
            case ROWS -> true;
        };
    }

    /** Moves the join's clock to {@code now}: drops the rows whose window ended before it, sending the kept ones. */
    private void moveClock(long now, TableOperator.Output out) {
        if (now <= clock) {
            return;
        }
        clock = now;
        List<Expired> expired = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            JoinWindow window = plan.window(side);
            if (window.kind() == JoinWindow.Kind.ROWS) {
                continue;
            }
            long size = window.kind() == JoinWindow.Kind.RANGE ? window.size() : 0;
            for (Iterator<Held> it = held.get(side).iterator(); it.hasNext(); ) {
                Held y = it.next();
                if (y.rowtime + size >= now) {
                    break;
                }
                it.remove();
                if (plan.kept(side) && !y.matched) {
                    expired.add(new Expired(side, y, y.rowtime + size));
                }
            }
        }
        expired.sort(Comparator.comparingLong(Expired::end).thenComparingLong(e -> e.row().order));
        for (Expired e : expired) {
            emit(unmatched(e.side(), e.row()), e.end(), out);
        }
    }

    private Object[] pair(Held left, Held right) {
        Object[] joined = new Object[plan.width()];
        place(joined, 0, left);
        place(joined, 1, right);
        return joined;
    }

    private Object[] unmatched(int side, Held row) {
        Object[] joined = new Object[plan.width()];
        place(joined, side, row);
        return joined;
    }

    private void place(Object[] joined, int side, Held row) {
        System.arraycopy(row.values, 0, joined, plan.offset(side), row.values.length);
        joined[plan.rowtimeColumn(side)] = Values.timestamp(row.rowtime);
    }

    private void emit(Object[] joined, long rowtime, TableOperator.Output out) {
        lastOut = Math.max(lastOut, rowtime);
        out.row(joined, lastOut, lastOut);
    }
}
