package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.plan.Accumulator;
import io.github.kinesisfanout.sql.plan.AggregatePlan;
import io.github.kinesisfanout.sql.plan.EvaluationException;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open tumbling window of one aggregating pump branch: the value of its window expression (the start
 * for STEP/FLOOR), its end, and the accumulators of each group key in order of first arrival (groups are
 * emitted in that order).
 */
final class Window {

    private final AggregatePlan plan;
    private final Map<List<Object>, Accumulator[]> groups = new LinkedHashMap<>();
    private final JsonOutputFormat renderer;
    private Object value;
    private long end;

    Window(AggregatePlan plan) {
        this.plan = plan;
        List<String> names = new ArrayList<>(List.of("WINDOW_START"));
        for (int i = 0; i < plan.keys().length; i++) {
            names.add("KEY" + (i + 1));
        }
        for (var call : plan.calls()) {
            names.add(call.kind().name());
        }
        this.renderer = new JsonOutputFormat(names);
    }

    boolean isOpen() {
        return value != null;
    }

    /** The window expression's value of the open window. */
    Object value() {
        return value;
    }

    /** The end of the open window, in the time its expression follows (ROWTIME or arrival time). */
    long end() {
        return end;
    }

    /** Adds a row whose window expression is {@code windowValue} (its values are all evaluated first). */
    void add(Object windowValue, StreamRow row) {
        Object[] key = new Object[plan.keys().length];
        for (int i = 0; i < key.length; i++) {
            key[i] = plan.keys()[i].eval(row);
        }
        Object[] values = new Object[plan.calls().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = plan.args()[i] == null ? null : plan.args()[i].eval(row);
        }
        if (value == null) {
            end = plan.end(windowValue, row);
            value = windowValue;
        }
        Accumulator[] accumulators = groups.computeIfAbsent(Arrays.asList(key), k -> plan.newAccumulators());
        for (int i = 0; i < values.length; i++) {
            accumulators[i].add(values[i], plan.args()[i] == null);
        }
    }

    /**
     * One group's aggregate row {@code [window start, keys..., aggregates...]}, or the error of an
     * aggregate that does not fit its type (then {@code row} holds the keys and NULL aggregates).
     */
    record Closed(Object[] row, EvaluationException error) {
    }

    /** The aggregate rows of every group; the window is then empty. */
    List<Closed> close() {
        List<Closed> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, Accumulator[]> group : groups.entrySet()) {
            Object[] row = new Object[1 + plan.keys().length + plan.calls().length];
            row[0] = value;
            for (int i = 0; i < plan.keys().length; i++) {
                row[1 + i] = group.getKey().get(i);
            }
            EvaluationException error = null;
            for (int i = 0; i < plan.calls().length; i++) {
                try {
                    row[1 + plan.keys().length + i] = group.getValue()[i].result();
                } catch (EvaluationException e) {
                    error = e;
                }
            }
            rows.add(new Closed(row, error));
        }
        groups.clear();
        value = null;
        return rows;
    }

    byte[] render(Object[] aggregateRow) {
        return renderer.serialize(aggregateRow);
    }
}
