package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.TableFunction;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * GROUP_RANK (reference: Sorting functions): the cursor's rows are gathered while their ROWTIME stays the same; the
 * group is released when a row with another ROWTIME arrives, or, with a maxIdle above 0, when time reaches the
 * group's ROWTIME + maxIdle. Its rows are ranked as SQL's RANK() does (equal values share a rank, the next rank
 * skips: 1, 1, 3) in sortOrder, NULL below every value; the first outputMax of them in rank order are kept (0: all),
 * and they come out in outputOrder of their rank, equal ranks in arrival order, each with the group's ROWTIME.
 */
final class GroupRankOperator implements TableOperator {

    private final int column;
    private final boolean sortDescending;
    private final boolean outputDescending;
    private final long maxIdle;
    private final int outputMax;
    private final List<StreamRow> group = new ArrayList<>();
    private long groupTime;

    GroupRankOperator(TableFunction function) {
        this.column = function.inputColumns().get(0);
        this.sortDescending = (Boolean) function.parameters().get("sortOrder");
        this.outputDescending = (Boolean) function.parameters().get("outputOrder");
        this.maxIdle = (Integer) function.parameters().get("maxIdle");
        this.outputMax = (Integer) function.parameters().get("outputMax");
    }

    @Override
    public void apply(StreamRow row, Output out) {
        if (!group.isEmpty() && row.rowtime != groupTime) {
            release(out);
        }
        groupTime = row.rowtime;
        group.add(row);
    }

    @Override
    public void advance(long bound, Output out) {
        // maxIdle 0 is no idle timeout: the group waits for a row with another ROWTIME.
        if (!group.isEmpty() && maxIdle > 0 && bound >= groupTime + maxIdle) {
            release(out);
        }
    }

    private void release(Output out) {
        Comparator<StreamRow> byValue = (a, b) -> compare(a.values[column], b.values[column]);
        List<StreamRow> sorted = new ArrayList<>(group);
        group.clear();
        // List.sort is stable: equal values stay in arrival order.
        sorted.sort(sortDescending ? byValue.reversed() : byValue);
        int kept = outputMax == 0 ? sorted.size() : Math.min(outputMax, sorted.size());
        int[] ranks = new int[kept];
        for (int i = 0; i < kept; i++) {
            boolean tie = i > 0 && compare(sorted.get(i).values[column], sorted.get(i - 1).values[column]) == 0;
            ranks[i] = tie ? ranks[i - 1] : i + 1;
        }
        Integer[] order = new Integer[kept];
        for (int i = 0; i < kept; i++) {
            order[i] = i;
        }
        if (outputDescending) {
            // Highest rank first; rows of one rank keep their arrival order.
            Arrays.sort(order, (a, b) -> ranks[a] != ranks[b] ? Integer.compare(ranks[b], ranks[a])
                    : Integer.compare(a, b));
        }
        for (int i : order) {
            StreamRow row = sorted.get(i);
            Object[] values = Arrays.copyOf(row.values, row.values.length + 1);
            values[row.values.length] = ranks[i];
            out.row(values, groupTime, row.arrival);
        }
    }

    /** The column's order: NULL below every value (as ORDER BY sorts NULLs first ascending). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x == null || y == null) {
            return x == y ? 0 : x == null ? -1 : 1;
        }
        return ((Comparable) x).compareTo(y);
    }
}
