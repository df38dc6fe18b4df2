package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.Aggregation;
import io.github.kinesisfanout.sql.plan.Accumulator;
import io.github.kinesisfanout.sql.plan.AggregatePlan;
import io.github.kinesisfanout.sql.plan.EvaluationException;
import io.github.kinesisfanout.sql.plan.StreamRow;
import io.github.kinesisfanout.sql.type.Values;
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
    /** Stagger windows only: the opening ROWTIME of each group's window. */
    private final Map<List<Object>, Long> opened = new LinkedHashMap<>();
    private Object value;
    private long end;
    /** The ROWTIME of the latest row added to the open window. */
    private long lastRowtime;

    /**
     * A window on a key declared MONOTONIC alone closes when time (a row of its stream or a rowtime bound) reaches
     * more than this long after its last row [emulator choice]: no time says when such a value is final, and one minute keeps
     * the rows of a value that a one-minute ROWTIME window feeds (AWS's web analytics solution) in one group.
     */
    static final long DECLARED_IDLE_MILLIS = 60_000;

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
        lastRowtime = row.rowtime;
        if (plan.driver() == Aggregation.Driver.STAGGER) {
            opened.putIfAbsent(Arrays.asList(key), row.rowtime);
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
    record Closed(Object[] row, EvaluationException error, long end) {
    }

    /**
     * Stagger windows: closes the windows of the groups opened at least the window width before {@code now},
     * in the order they opened; each row's first column is the opening time and its end is open + width.
     */
    List<Closed> closeStaggered(long now) {
        List<Closed> rows = new ArrayList<>();
        var it = opened.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<List<Object>, Long> group = it.next();
            long closes = group.getValue() + plan.widthMillis();
            if (closes > now) {
                break; // opened in ROWTIME order, with one width: the later ones close later
            }
            rows.add(closed(group.getKey(), groups.remove(group.getKey()), Values.timestamp(group.getValue()), closes));
            it.remove();
        }
        if (groups.isEmpty()) {
            value = null;
        }
        return rows;
    }

    /** Whether a window is open that ends at or before {@code t} (a declared key's: that has been idle long enough). */
    boolean closesBy(long t) {
        if (plan.driver() == Aggregation.Driver.STAGGER) {
            return !opened.isEmpty() && opened.values().iterator().next() + plan.widthMillis() <= t;
        }
        if (plan.driver() == Aggregation.Driver.DECLARED) {
            return isOpen() && t - lastRowtime > DECLARED_IDLE_MILLIS;
        }
        return isOpen() && end <= t;
    }

    /** The rows of the windows that close at {@code now}: the due stagger windows, or the open tumbling one. */
    List<Closed> closeAt(long now) {
        return plan.driver() == Aggregation.Driver.STAGGER ? closeStaggered(now) : close();
    }

    /**
     * The aggregate rows of every group; the window is then empty. A declared key's rows end one idle interval
     * after its last row.
     */
    List<Closed> close() {
        List<Closed> rows = new ArrayList<>();
        long closes = plan.driver() == Aggregation.Driver.DECLARED ? lastRowtime + DECLARED_IDLE_MILLIS : end;
        for (Map.Entry<List<Object>, Accumulator[]> group : groups.entrySet()) {
            rows.add(closed(group.getKey(), group.getValue(), value, closes));
        }
        groups.clear();
        value = null;
        return rows;
    }

    private Closed closed(List<Object> key, Accumulator[] accumulators, Object start, long closes) {
        Object[] row = new Object[1 + plan.keys().length + plan.calls().length];
        row[0] = start;
        for (int i = 0; i < plan.keys().length; i++) {
            row[1 + i] = key.get(i);
        }
        EvaluationException error = null;
        for (int i = 0; i < plan.calls().length; i++) {
            try {
                row[1 + plan.keys().length + i] = accumulators[i].result();
            } catch (EvaluationException e) {
                error = e;
            }
        }
        return new Closed(row, error, closes);
    }

    byte[] render(Object[] aggregateRow) {
        return renderer.serialize(aggregateRow);
    }
}
