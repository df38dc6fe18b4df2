package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.SlidingWindow;
import io.github.kinesisfanout.sql.plan.BranchPlan;
import io.github.kinesisfanout.sql.plan.SlidingAccumulator;
import io.github.kinesisfanout.sql.plan.SlidingPlan;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The sliding windows of one pump branch: per window and partition the rows of the frame (oldest first)
 * and the accumulators of its calls. {@link #extend} enters a row and returns it with the analytic values
 * appended, the row projections read.
 */
final class Sliding {

    private final BranchPlan branch;
    private final Map<Object, Partition>[] partitions;
    private long seq;

    /** One partition of one window: its frame's rows and the accumulators of the window's calls. */
    private static final class Partition {
        final ArrayDeque<Entry> frame = new ArrayDeque<>();
        final SlidingAccumulator[] accumulators;
        /** In an UNBOUNDED frame, its first rows (as many as FIRST_VALUE and NTH_VALUE read). */
        final List<Entry> first = new ArrayList<>();

        Partition(SlidingAccumulator[] accumulators) {
            this.accumulators = accumulators;
        }
    }

    /** A row in a frame: its ROWTIME, its sequence number and the argument of each call. */
    private record Entry(long rowtime, long seq, Object[] args) {
    }

    @SuppressWarnings("unchecked")
    Sliding(BranchPlan branch) {
        this.branch = branch;
        this.partitions = new Map[branch.windows().length];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new HashMap<>();
        }
    }

    /** The row with every analytic value appended (arguments are all evaluated before any state changes). */
    StreamRow extend(StreamRow row) {
        SlidingPlan[] windows = branch.windows();
        Object[][] args = new Object[windows.length][];
        Object[] keys = new Object[windows.length];
        int width = branch.sourceWidth();
        for (int w = 0; w < windows.length; w++) {
            SlidingPlan plan = windows[w];
            keys[w] = key(plan, row);
            args[w] = new Object[plan.calls().length];
            for (int c = 0; c < args[w].length; c++) {
                args[w][c] = plan.args()[c] == null ? Boolean.TRUE : plan.args()[c].eval(row);
                width = Math.max(width, plan.calls()[c].column() + 1);
            }
        }
        Object[] values = Arrays.copyOf(row.values, width);
        long n = seq++;
        for (int w = 0; w < windows.length; w++) {
            SlidingPlan plan = windows[w];
            Partition p = partitions[w].computeIfAbsent(keys[w], k -> new Partition(plan.newAccumulators()));
            enter(plan, p, new Entry(row.rowtime, n, args[w]));
            for (int c = 0; c < plan.calls().length; c++) {
                SlidingWindow.Call call = plan.calls()[c];
                values[call.column()] = value(plan, p, c, row);
            }
        }
        return new StreamRow(values, row.rowtime, row.arrival, row.context);
    }

    private static Object key(SlidingPlan plan, StreamRow row) {
        if (plan.partition().length == 0) {
            return Boolean.TRUE;
        }
        if (plan.partition().length == 1) {
            Object k = plan.partition()[0].eval(row);
            return k == null ? NULL_KEY : k;
        }
        Object[] k = new Object[plan.partition().length];
        for (int i = 0; i < k.length; i++) {
            k[i] = plan.partition()[i].eval(row);
        }
        return Arrays.asList(k);
    }

    /** The partition key of rows whose single key is NULL (NULL equals itself in PARTITION BY). */
    private static final Object NULL_KEY = new Object();

    private static void enter(SlidingPlan plan, Partition p, Entry entry) {
        boolean unbounded = plan.size() == SlidingWindow.UNBOUNDED;
        if (unbounded && p.first.size() < plan.keepFirst()) {
            p.first.add(entry);
        }
        if (!unbounded) {
            Iterator<Entry> it = p.frame.iterator();
            while (it.hasNext()) {
                Entry old = it.next();
                boolean out = plan.rows() ? p.frame.size() >= plan.size() + 1 : old.rowtime() < entry.rowtime() - plan.size();
                if (!out) {
                    break;
                }
                it.remove();
                for (int c = 0; c < p.accumulators.length; c++) {
                    p.accumulators[c].remove(argument(old, c), old.seq(), old.rowtime());
                }
            }
        }
        p.frame.addLast(entry);
        for (int c = 0; c < p.accumulators.length; c++) {
            p.accumulators[c].add(argument(entry, c), entry.seq(), entry.rowtime());
        }
        if (unbounded) {
            while (p.frame.size() > plan.keep()) {
                p.frame.pollFirst();
            }
        }
    }

    private static Object argument(Entry e, int call) {
        return e.args()[call];
    }

    private static Object value(SlidingPlan plan, Partition p, int c, StreamRow row) {
        SlidingWindow.Call call = plan.calls()[c];
        switch (call.function()) {
            case FIRST_VALUE:
                return nth(plan, p, c, false, 1);
            case LAST_VALUE:
                return nth(plan, p, c, true, 1);
            case NTH_VALUE:
                return nth(plan, p, c, call.fromLast(), call.offset());
            case LAG: {
                // The row itself is the newest of the frame; IGNORE NULLS skips NULLs of the rows before it.
                Object own = p.frame.peekLast().args()[c];
                if (call.offset() == 0) {
                    return own;
                }
                int back = call.offset() + (call.ignoreNulls() && own == null ? 0 : 1);
                Object value = nth(plan, p, c, true, back);
                boolean outside = call.ignoreNulls() ? value == null : back > p.frame.size();
                return outside ? plan.defaults()[c].eval(row) : value;
            }
            default:
                return p.accumulators[c].result();
        }
    }

    /**
     * The argument of call {@code c} in the {@code n}th row (from 1) of the frame from its oldest row, or its newest
     * with {@code fromLast}; with IGNORE NULLS the nth non-NULL one. NULL when the frame has fewer.
     */
    private static Object nth(SlidingPlan plan, Partition p, int c, boolean fromLast, int n) {
        if (plan.calls()[c].ignoreNulls()) {
            return p.accumulators[c].nth(fromLast, n);
        }
        if (!fromLast && plan.size() == SlidingWindow.UNBOUNDED) {
            return n <= p.first.size() ? p.first.get(n - 1).args()[c] : null;
        }
        if (n > p.frame.size()) {
            return null;
        }
        Iterator<Entry> it = fromLast ? p.frame.descendingIterator() : p.frame.iterator();
        Entry e = it.next();
        for (int i = 1; i < n; i++) {
            e = it.next();
        }
        return e.args()[c];
    }
}
