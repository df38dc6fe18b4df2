package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.SlidingWindow;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;

/**
 * The running value of one analytic call over one partition's frame, updated as rows enter and leave (in
 * arrival order): counts and sums are kept incrementally, MIN/MAX in a monotonic queue, so each row costs
 * O(1) amortized. NULLs are ignored except by COUNT(*); an empty frame gives NULL (COUNT gives 0).
 * FIRST_VALUE, LAST_VALUE and LAG are read from the frame's rows by the caller.
 */
public final class SlidingAccumulator {

    private final SlidingWindow.Function function;
    private final SqlType type;
    private final boolean countStar;
    private final boolean unbounded;
    private long count;
    private long longSum;
    private BigDecimal exactSum;
    private double sum;
    private double squares;
    private final ArrayDeque<Object[]> extremes = new ArrayDeque<>();

    SlidingAccumulator(SlidingWindow.Function function, SqlType type, boolean countStar, boolean unbounded) {
        this.function = function;
        this.type = type;
        this.countStar = countStar;
        this.unbounded = unbounded;
    }

    /** A row enters the frame with this argument value; {@code seq} identifies it. */
    public void add(Object value, long seq) {
        if (value == null && !countStar) {
            return;
        }
        count++;
        switch (function) {
            case SUM, AVG -> addSum(value, 1);
            case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP -> {
                double d = Numbers.toDouble(value);
                sum += d;
                squares += d * d;
            }
            case MIN, MAX -> {
                boolean min = function == SlidingWindow.Function.MIN;
                while (!extremes.isEmpty()) {
                    int c = Comparisons.compare(extremes.peekLast()[1], value);
                    if (min ? c >= 0 : c <= 0) {
                        extremes.pollLast();
                    } else {
                        break;
                    }
                }
                if (unbounded && !extremes.isEmpty()) {
                    // Nothing ever leaves an unbounded frame: only the extreme so far matters.
                    break;
                }
                extremes.addLast(new Object[] {seq, value});
            }
            default -> {
            }
        }
    }

    /** The row {@code seq} with this argument value leaves the frame (rows leave in the order they entered). */
    public void remove(Object value, long seq) {
        if (value == null && !countStar) {
            return;
        }
        count--;
        switch (function) {
            case SUM, AVG -> addSum(value, -1);
            case STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP -> {
                double d = Numbers.toDouble(value);
                sum -= d;
                squares -= d * d;
            }
            case MIN, MAX -> {
                if (!extremes.isEmpty() && (Long) extremes.peekFirst()[0] == seq) {
                    extremes.pollFirst();
                }
            }
            default -> {
            }
        }
    }

    private void addSum(Object value, int sign) {
        if (type.isApproximate()) {
            sum += sign * Numbers.toDouble(value);
        } else if (exactSum == null && (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte)) {
            long v = ((Number) value).longValue();
            try {
                longSum = sign > 0 ? Math.addExact(longSum, v) : Math.subtractExact(longSum, v);
            } catch (ArithmeticException e) {
                exactSum = BigDecimal.valueOf(longSum).add(BigDecimal.valueOf(v).multiply(BigDecimal.valueOf(sign)));
            }
        } else {
            BigDecimal base = exactSum != null ? exactSum : BigDecimal.valueOf(longSum);
            BigDecimal v = Numbers.toDecimal(value);
            exactSum = sign > 0 ? base.add(v) : base.subtract(v);
        }
    }

    /** The call's value over the frame now (not for FIRST_VALUE, LAST_VALUE, LAG). */
    public Object result() {
        if (function == SlidingWindow.Function.COUNT) {
            return count;
        }
        if (count == 0) {
            return null;
        }
        switch (function) {
            case MIN, MAX:
                return extremes.peekFirst()[1];
            case SUM:
                return type.isApproximate() ? (Object) sum : Numbers.convert(exact(), type);
            case AVG:
                if (type.isApproximate()) {
                    return Numbers.convert(sum / count, type);
                }
                BigDecimal n = BigDecimal.valueOf(count);
                return type.isIntegral() ? Numbers.convert(exact().divide(n, 0, RoundingMode.DOWN), type)
                        : Numbers.convert(exact().divide(n, type.scale(), RoundingMode.HALF_UP), type);
            default:
                boolean sample = function == SlidingWindow.Function.VAR_SAMP
                        || function == SlidingWindow.Function.STDDEV_SAMP;
                if (sample && count < 2) {
                    return null;
                }
                double variance = Math.max(0, squares - sum * sum / count) / (sample ? count - 1 : count);
                boolean root = function == SlidingWindow.Function.STDDEV_POP
                        || function == SlidingWindow.Function.STDDEV_SAMP;
                return root ? Math.sqrt(variance) : variance;
        }
    }

    private BigDecimal exact() {
        return exactSum != null ? exactSum : BigDecimal.valueOf(longSum);
    }
}
