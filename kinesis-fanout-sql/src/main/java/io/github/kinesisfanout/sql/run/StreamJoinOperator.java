package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.JoinWindow;
import io.github.kinesisfanout.sql.plan.EvaluationException;
import io.github.kinesisfanout.sql.plan.StreamJoinPlan;
import io.github.kinesisfanout.sql.plan.StreamRow;
import io.github.kinesisfanout.sql.type.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The state of a join of two streams (reference §4.6), fed by the two branches of the join's hidden pump. Each side
 * holds the rows its window still offers: a RANGE window the rows of the last interval, ROWS n the latest n + 1
 * rows, a side without a window the rows of the current ROWTIME. A row arriving on one side is joined with the rows
 * the other side holds, and the pairs the condition holds for come out with the later of the two ROWTIMEs. The join
 * has one clock, the latest ROWTIME of either side (or of {@code advanceTime}); when it passes the end of a held row's
 * window the row is dropped, and a row an outer join keeps that matched nothing comes out then, NULLs on the other
 * side, with the window's end as its ROWTIME. Rows come out in ascending ROWTIME: a row arriving behind the other
 * side's clock has its pairs stamped no earlier than the last row out. With equality conjuncts in the condition, each
 * side's held rows are also indexed by their key, in arrival order, so a row is tried only against the rows of its
 * key (a row whose key is NULL can match nothing, one whose key fails to evaluate is tried against every row).
 */
final class StreamJoinOperator {

    private final StreamJoinPlan plan;
    private final List<ArrayDeque<Held>> held = List.of(new ArrayDeque<>(), new ArrayDeque<>());
    private final List<Map<Object, ArrayDeque<Held>>> index = List.of(new HashMap<>(), new HashMap<>());
    private long clock = Long.MIN_VALUE;
    private long lastOut = Long.MIN_VALUE;
    private long arrivals;

    /** A row a side holds, in arrival order, and whether it has been part of a pair. */
    private static final class Held {
        final Object[] values;
        final long rowtime;
        final long order;
        /** The index key, or null when the row is in no index. */
        Object key;
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
        for (Held y : candidates(side, x, row)) {
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
        if (x.key != null) {
            index.get(side).computeIfAbsent(x.key, k -> new ArrayDeque<>()).addLast(x);
        }
        if (own.kind() == JoinWindow.Kind.ROWS && mine.size() > own.size() + 1) {
            // The row pushed out of a ROWS window can no longer be matched: its window ended now.
            Held gone = mine.removeFirst();
            unindex(side, gone);
            if (plan.kept(side) && !gone.matched) {
                emit(unmatched(side, gone), Math.max(gone.rowtime, t), out);
            }
        }
    }

    /**
     * The rows of the other side a row may match, in arrival order: those of its key when the join has equality
     * conjuncts (sets {@code x.key}), else every row held.
     */
    private Iterable<Held> candidates(int side, Held x, StreamRow row) {
        ArrayDeque<Held> all = held.get(1 - side);
        if (plan.keys().isEmpty()) {
            return all;
        }
        try {
            x.key = key(side, x, row);
        } catch (EvaluationException e) {
            // The condition decides, as without an index (it reports the error if it meets it).
            return all;
        }
        if (x.key == null) {
            return List.of();
        }
        ArrayDeque<Held> same = index.get(1 - side).get(x.key);
        return same == null ? List.of() : same;
    }

    /** The row's key: its side's value of each equality conjunct, hashed; null when one is NULL. */
    private Object key(int side, Held x, StreamRow row) {
        Object[] alone = unmatched(side, x);
        StreamRow probe = new StreamRow(alone, x.rowtime, x.rowtime, row.context);
        List<StreamJoinPlan.Key> keys = plan.keys();
        if (keys.size() == 1) {
            Object v = keys.get(0).side(side).eval(probe);
            return v == null ? null : keys.get(0).hashKey().apply(v);
        }
        List<Object> values = new ArrayList<>(keys.size());
        for (StreamJoinPlan.Key key : keys) {
            Object v = key.side(side).eval(probe);
            if (v == null) {
                return null;
            }
            values.add(key.hashKey().apply(v));
        }
        return values;
    }

    private void unindex(int side, Held row) {
        if (row.key == null) {
            return;
        }
        ArrayDeque<Held> same = index.get(side).get(row.key);
        // Rows leave in arrival order, so the row is the oldest of its key.
        if (same.peekFirst() == row) {
            same.removeFirst();
        } else {
            same.remove(row);
        }
        if (same.isEmpty()) {
            index.get(side).remove(row.key);
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
                unindex(side, y);
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
