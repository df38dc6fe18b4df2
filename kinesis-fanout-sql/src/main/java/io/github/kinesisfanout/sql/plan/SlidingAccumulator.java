package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.SlidingWindow;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The running value of one analytic call over one partition's frame, updated as rows enter and leave (in
 * arrival order): counts and sums are kept incrementally, MIN/MAX in a monotonic queue, EXP_AVG as two
 * exponentially weighted sums, ANY/EVERY as counts of TRUE and FALSE, so each row costs O(1) amortized. NULLs
 * are ignored except by COUNT(*); an empty frame gives NULL (COUNT gives 0). FIRST_VALUE, LAST_VALUE, LAG and
 * NTH_VALUE are read from the frame's rows by the caller; with IGNORE NULLS this keeps the frame's non-NULL
 * values, which {@link #nth} reads.
 */
public final class SlidingAccumulator {

    /** Weights are rebased before their exponent (in half-lives since the base) passes this, so none overflows. */
    private static final double MAX_EXPONENT = 256;

    private final SlidingWindow.Function function;
    private final SqlType type;
    private final boolean countStar;
    private final boolean unbounded;
    private final long halfLife;
    private long count;
    private long longSum;
    private BigDecimal exactSum;
    private double sum;
    private double squares;
    private long trues;
    private long base;
    private final ArrayDeque<Object[]> extremes = new ArrayDeque<>();
    /** With IGNORE NULLS: the frame's non-NULL values (seq, value), oldest first; in an unbounded frame the newest. */
    private final ArrayDeque<Object[]> present;
    /** With IGNORE NULLS in an unbounded frame: the first non-NULL values, as many as the call reads. */
    private final List<Object> firstPresent = new ArrayList<>();
    private final int head;
    private final int tail;

    SlidingAccumulator(SlidingWindow.Call call, boolean countStar, boolean unbounded) {
        this.function = call.function();
        this.type = call.type();
        this.countStar = countStar;
        this.unbounded = unbounded;
        this.halfLife = call.halfLife();
        this.present = call.ignoreNulls() ? new ArrayDeque<>() : null;
        boolean first = function == SlidingWindow.Function.FIRST_VALUE
                || function == SlidingWindow.Function.NTH_VALUE && !call.fromLast();
        this.head = !first ? 0 : function == SlidingWindow.Function.NTH_VALUE ? call.offset() : 1;
        this.tail = first ? 0 : function == SlidingWindow.Function.LAST_VALUE ? 1 : call.offset() + 1;
    }

    /** A row enters the frame with this argument value; {@code seq} identifies it, {@code rowtime} is its ROWTIME. */
    public void add(Object value, long seq, long rowtime) {
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
            case EXP_AVG -> addWeighted(Numbers.toDouble(value), rowtime);
            case ANY, EVERY -> trues += Boolean.TRUE.equals(value) ? 1 : 0;
            default -> keep(value, seq);
        }
    }

    /** The row {@code seq} with this argument value leaves the frame (rows leave in the order they entered). */
    public void remove(Object value, long seq, long rowtime) {
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
            case EXP_AVG -> {
                if (count == 0) {
                    sum = 0;
                    squares = 0;
                } else {
                    double w = weight(rowtime);
                    sum -= Numbers.toDouble(value) * w;
                    squares -= w;
                }
            }
            case ANY, EVERY -> trues -= Boolean.TRUE.equals(value) ? 1 : 0;
            default -> {
                if (present != null && !present.isEmpty() && (Long) present.peekFirst()[0] == seq) {
                    present.pollFirst();
                }
            }
        }
    }

    /**
     * EXP_AVG (reference EXP_AVG, module README): a row {@code a} milliseconds older than another weighs
     * 2^(-a / halfLife) of it. {@code sum} holds the weighted values and {@code squares} the weights, both relative
     * to the ROWTIME {@code base}; their ratio does not depend on the base.
     */
    private void addWeighted(double value, long rowtime) {
        if (count == 1) {
            base = rowtime;
            sum = 0;
            squares = 0;
        }
        double exponent = (rowtime - base) / (double) halfLife;
        if (exponent > MAX_EXPONENT) {
            double scale = Math.pow(2, -exponent);
            sum *= scale;
            squares *= scale;
            base = rowtime;
        }
        double w = weight(rowtime);
        sum += value * w;
        squares += w;
    }

    private double weight(long rowtime) {
        return Math.pow(2, (rowtime - base) / (double) halfLife);
    }

    /** With IGNORE NULLS: a non-NULL value enters (an unbounded frame keeps only what the call reads). */
    private void keep(Object value, long seq) {
        if (present == null) {
            return;
        }
        if (unbounded && firstPresent.size() < head) {
            firstPresent.add(value);
        }
        present.addLast(new Object[] {seq, value});
        if (unbounded && present.size() > tail) {
            present.pollFirst();
        }
    }

    /**
     * With IGNORE NULLS: the {@code n}th (from 1) non-NULL value of the frame from its oldest row, or from its
     * newest with {@code fromLast}; null when the frame has fewer.
     */
    public Object nth(boolean fromLast, int n) {
        if (!fromLast && unbounded) {
            return n <= firstPresent.size() ? firstPresent.get(n - 1) : null;
        }
        if (n > present.size()) {
            return null;
        }
        Iterator<Object[]> it = fromLast ? present.descendingIterator() : present.iterator();
        Object[] e = it.next();
        for (int i = 1; i < n; i++) {
            e = it.next();
        }
        return e[1];
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

    /** The call's value over the frame now (not for FIRST_VALUE, LAST_VALUE, LAG, NTH_VALUE). */
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
            case EXP_AVG:
                return sum / squares;
            case ANY:
                return trues > 0;
            case EVERY:
                return trues == count;
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
