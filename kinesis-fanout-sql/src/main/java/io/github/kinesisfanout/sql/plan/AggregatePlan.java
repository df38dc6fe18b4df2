package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Aggregation;
import io.github.kinesisfanout.sql.type.Values;
import java.time.LocalDateTime;

/**
 * A compiled tumbling window: the window start and keys of an input row, the aggregates to
 * accumulate, and the HAVING condition over the aggregate row {@code [window start, keys..., aggregates...]}.
 *
 * @param window the window start of an input row (a TIMESTAMP)
 * @param widthMillis the STEP width, or 0 when {@code unit} is used
 * @param unit the FLOOR unit, or null
 * @param keys the other grouping keys
 * @param calls the aggregate calls
 * @param args their arguments (null entries for COUNT(*))
 * @param having the HAVING condition, or null
 * @param driver how the window expression relates to time
 * @param distinct whether equal output rows of one window come out once (SELECT DISTINCT ... GROUP BY)
 */
public record AggregatePlan(Evaluator window, long widthMillis, String unit, Evaluator[] keys,
        Aggregation.AggregateCall[] calls, Evaluator[] args, Evaluator having, Aggregation.Driver driver,
        boolean distinct) {

    static AggregatePlan of(Aggregation a) {
        Evaluator[] args = new Evaluator[a.aggregates().size()];
        for (int i = 0; i < args.length; i++) {
            var arg = a.aggregates().get(i).arg();
            args[i] = arg == null ? null : EvaluatorCompiler.compile(arg);
        }
        return new AggregatePlan(EvaluatorCompiler.compile(a.window()), a.widthMillis(), a.unit(),
                EvaluatorCompiler.compileAll(a.keys()).toArray(new Evaluator[0]),
                a.aggregates().toArray(new Aggregation.AggregateCall[0]), args,
                a.having() == null ? null : EvaluatorCompiler.compile(a.having()), a.driver(), a.distinct());
    }

    /**
     * The end of the window whose expression has {@code value} on {@code row}, in the time the window
     * follows: for STEP/FLOOR computed, otherwise the first millisecond after the row's time at which the
     * (ascending) window expression takes another value.
     */
    public long end(Object value, StreamRow row) {
        if (driver == Aggregation.Driver.ROWTIME_UNIT) {
            return end(Values.epochMillis((LocalDateTime) value));
        }
        if (driver == Aggregation.Driver.DECLARED) {
            return Long.MAX_VALUE; // no time closes it: the next value of the key does
        }
        long t0 = driver == Aggregation.Driver.ARRIVAL_EXPRESSION ? row.arrival : row.rowtime;
        long step = 1;
        while (step < (1L << 50) && same(value, row, t0 + step)) {
            step <<= 1;
        }
        long low = t0 + step / 2;
        long high = t0 + step;
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (same(value, row, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return step == 1 ? t0 + 1 : high;
    }

    /** Whether two values of the window expression are the same window. */
    public boolean sameWindow(Object a, Object b) {
        return Comparisons.compare(a, b) == 0;
    }

    private boolean same(Object value, StreamRow row, long t) {
        try {
            Object v = window.eval(new StreamRow(row.values, t, t, row.context));
            return v != null && Comparisons.compare(v, value) == 0;
        } catch (EvaluationException e) {
            return false;
        }
    }

    /** The end of the window that starts at {@code startMillis}: the ROWTIME of its rows. */
    public long end(long startMillis) {
        if (unit == null) {
            return startMillis + widthMillis;
        }
        LocalDateTime start = Values.timestamp(startMillis);
        LocalDateTime end = switch (unit) {
            case "YEAR" -> start.plusYears(1);
            case "MONTH" -> start.plusMonths(1);
            case "DAY" -> start.plusDays(1);
            case "HOUR" -> start.plusHours(1);
            case "MINUTE" -> start.plusMinutes(1);
            default -> start.plusSeconds(1);
        };
        return Values.epochMillis(end);
    }

    /** Fresh accumulators for a new group. */
    public Accumulator[] newAccumulators() {
        Accumulator[] out = new Accumulator[calls.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Accumulator(calls[i].kind(), calls[i].type());
        }
        return out;
    }

}
