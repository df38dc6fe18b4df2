package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.TableFunction;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TOP_K_ITEMS_TUMBLING and COUNT_DISTINCT_ITEMS_TUMBLING, counted exactly: tumbling windows of
 * {@code windowSize} seconds aligned on the epoch; a window closes when a row at or after its end arrives
 * or time is advanced to its end, and its rows carry the window's end as ROWTIME. Top-K rows come by count
 * descending, equal counts in the order the items first appeared in the window; NULL items are not counted.
 */
final class TumblingItemsOperator implements TableOperator {

    private final boolean topK;
    private final int k;
    private final long size;
    private final int column;
    /** The count of each item of the open window, in order of first appearance. */
    private final Map<Object, long[]> counts = new LinkedHashMap<>();
    private boolean open;
    private long end;

    TumblingItemsOperator(TableFunction function) {
        this.topK = function.name().equals(TableFunction.TOP_K_ITEMS_TUMBLING);
        this.k = topK ? (Integer) function.parameters().get("K") : 0;
        this.size = 1000L * (Integer) function.parameters().get("windowSize");
        this.column = function.inputColumns().get(0);
    }

    @Override
    public void apply(StreamRow row, Output out) {
        advance(row.rowtime, out);
        if (!open) {
            open = true;
            end = Math.floorDiv(row.rowtime, size) * size + size;
        }
        Object item = row.values[column];
        if (item != null) {
            counts.computeIfAbsent(item, i -> new long[1])[0]++;
        }
    }

    @Override
    public void advance(long bound, Output out) {
        if (!open || bound < end) {
            return;
        }
        if (topK) {
            List<Map.Entry<Object, long[]>> items = new ArrayList<>(counts.entrySet());
            items.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            for (int i = 0; i < Math.min(k, items.size()); i++) {
                out.row(new Object[] {items.get(i).getKey(), items.get(i).getValue()[0]}, end, end);
            }
        } else {
            out.row(new Object[] {(long) counts.size()}, end, end);
        }
        counts.clear();
        open = false;
    }
}
