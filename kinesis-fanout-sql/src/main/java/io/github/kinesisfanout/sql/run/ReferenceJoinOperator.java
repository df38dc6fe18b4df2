package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.plan.JoinPlan;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream joined with a reference table: each stream row is looked up in the table's current rows and makes one
 * joined row per table row the condition holds for, in table order; an outer join keeps a row without a match with
 * NULL table columns. Equality conjuncts are answered by a hash lookup rebuilt after each load of the table.
 */
final class ReferenceJoinOperator implements TableOperator {

    private final JoinPlan plan;
    private final ReferenceTables tables;
    private int indexedVersion = -1;
    private Map<Object, List<Object[]>> index = Map.of();

    ReferenceJoinOperator(JoinPlan plan, ReferenceTables tables) {
        this.plan = plan;
        this.tables = tables;
    }

    @Override
    public void apply(StreamRow row, Output out) {
        Object[] probe = new Object[plan.width()];
        System.arraycopy(row.values, 0, probe, plan.streamOffset(), row.values.length);
        boolean matched = false;
        for (Object[] tableRow : candidates(new StreamRow(probe, row.rowtime, row.arrival, row.context))) {
            Object[] joined = probe.clone();
            System.arraycopy(tableRow, 0, joined, plan.tableOffset(), tableRow.length);
            if (plan.on() == null
                    || plan.on().eval(new StreamRow(joined, row.rowtime, row.arrival, row.context)) == Boolean.TRUE) {
                out.row(joined, row.rowtime, row.arrival);
                matched = true;
            }
        }
        if (!matched && plan.join().outer()) {
            out.row(probe, row.rowtime, row.arrival);
        }
    }

    /** The table rows that may match: those with equal lookup keys, or every row when the join has none. */
    private List<Object[]> candidates(StreamRow probe) {
        if (plan.keys().isEmpty()) {
            return tables.rows(plan.table());
        }
        Object key = probeKey(probe);
        if (key == null) {
            return List.of();
        }
        if (indexedVersion != tables.version(plan.table())) {
            index = index(tables.rows(plan.table()));
            indexedVersion = tables.version(plan.table());
        }
        return index.getOrDefault(key, List.of());
    }

    /** The stream row's lookup key, or null when a part of it is NULL (which equals nothing). */
    private Object probeKey(StreamRow probe) {
        List<JoinPlan.Key> keys = plan.keys();
        if (keys.size() == 1) {
            Object v = keys.get(0).stream().eval(probe);
            return v == null ? null : keys.get(0).hashKey().apply(v);
        }
        List<Object> parts = new ArrayList<>(keys.size());
        for (JoinPlan.Key k : keys) {
            Object v = k.stream().eval(probe);
            if (v == null) {
                return null;
            }
            parts.add(k.hashKey().apply(v));
        }
        return parts;
    }

    private Map<Object, List<Object[]>> index(List<Object[]> rows) {
        List<JoinPlan.Key> keys = plan.keys();
        Map<Object, List<Object[]>> out = new HashMap<>();
        for (Object[] row : rows) {
            Object key;
            if (keys.size() == 1) {
                Object v = row[keys.get(0).tableColumn()];
                key = v == null ? null : keys.get(0).hashKey().apply(v);
            } else {
                List<Object> parts = new ArrayList<>(keys.size());
                for (JoinPlan.Key k : keys) {
                    Object v = row[k.tableColumn()];
                    if (v == null) {
                        parts = null;
                        break;
                    }
                    parts.add(k.hashKey().apply(v));
                }
                key = parts;
            }
            if (key != null) {
                out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
            }
        }
        return out;
    }
}
