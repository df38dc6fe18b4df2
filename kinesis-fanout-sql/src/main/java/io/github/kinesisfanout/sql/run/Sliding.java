package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.SlidingWindow;
import io.github.kinesisfanout.sql.plan.BranchPlan;
import io.github.kinesisfanout.sql.plan.SlidingAccumulator;
import io.github.kinesisfanout.sql.plan.SlidingPlan;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
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
        Object[] first;

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
        if (p.first == null) {
            p.first = entry.args();
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
                    p.accumulators[c].remove(argument(old, c), old.seq());
                }
            }
        }
        p.frame.addLast(entry);
        for (int c = 0; c < p.accumulators.length; c++) {
            p.accumulators[c].add(argument(entry, c), entry.seq());
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
                return plan.size() == SlidingWindow.UNBOUNDED ? p.first[c] : p.frame.peekFirst().args()[c];
            case LAST_VALUE:
                return p.frame.peekLast().args()[c];
            case LAG: {
                int back = call.offset();
                if (back >= p.frame.size()) {
                    return plan.defaults()[c].eval(row);
                }
                Iterator<Entry> it = p.frame.descendingIterator();
                Entry e = it.next();
                for (int i = 0; i < back; i++) {
                    e = it.next();
                }
                return e.args()[c];
            }
            default:
                return p.accumulators[c].result();
        }
    }
}
