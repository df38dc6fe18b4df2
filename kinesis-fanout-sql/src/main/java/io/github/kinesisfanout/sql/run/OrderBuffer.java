package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.plan.OrderPlan;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one pump collected for its streaming ORDER BY while the leading key keeps one value; when it
 * changes they leave sorted by the other keys (ties in arrival order), all with the latest ROWTIME among
 * them so the target's ROWTIME never goes back.
 */
final class OrderBuffer {

    private final OrderPlan plan;
    private final List<Entry> rows = new ArrayList<>();
    private Object leading;

    /** A collected row and its key values. */
    private record Entry(StreamRow row, Object[] keys) {
    }

    OrderBuffer(OrderPlan plan) {
        this.plan = plan;
    }

    /**
     * The output row followed by the values of the keys that are no select item, computed on the input row (the
     * aggregate row of a GROUP BY query).
     */
    Object[] withHidden(Object[] out, StreamRow input) {
        if (plan.hidden().length == 0) {
            return out;
        }
        Object[] values = Arrays.copyOf(out, out.length + plan.hidden().length);
        for (int i = 0; i < plan.hidden().length; i++) {
            values[out.length + i] = plan.hidden()[i].eval(input);
        }
        return values;
    }

    /**
     * Collects a row (its values possibly followed by hidden key values, see {@link #withHidden}, which are
     * dropped); returns the rows of the previous key value when this row starts a new one.
     *
     * @param width the number of the target's columns
     */
    List<StreamRow> offer(StreamRow row, int width) {
        Object[] keys = new Object[plan.keys().length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = plan.keys()[i].eval(row);
        }
        if (row.values.length > width) {
            row = new StreamRow(Arrays.copyOf(row.values, width), row.rowtime, row.arrival, row.context);
        }
        List<StreamRow> out = List.of();
        if (!rows.isEmpty() && !plan.sameLeading(keys[0], leading)) {
            out = flush();
        }
        leading = keys[0];
        rows.add(new Entry(row, keys));
        return out;
    }

    /** The collected rows when ROWTIME reaching {@code bound} gives the leading key another value. */
    List<StreamRow> advance(long bound) {
        if (rows.isEmpty()) {
            return List.of();
        }
        StreamRow last = rows.get(rows.size() - 1).row();
        Object at = plan.keys()[0].eval(new StreamRow(last.values, bound, bound, last.context));
        return plan.sameLeading(at, leading) ? List.of() : flush();
    }

    private List<StreamRow> flush() {
        List<Entry> sorted = new ArrayList<>(rows);
        rows.clear();
        sorted.sort((a, b) -> plan.compareRest(a.keys(), b.keys()));
        long rowtime = Long.MIN_VALUE;
        for (Entry e : sorted) {
            rowtime = Math.max(rowtime, e.row().rowtime);
        }
        List<StreamRow> out = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            out.add(new StreamRow(e.row().values, rowtime, e.row().arrival, e.row().context));
        }
        return out;
    }
}
