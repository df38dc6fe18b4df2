package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Aggregation;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The running state of one aggregate of one group. NULL values are ignored except by COUNT(*); an
 * empty aggregate is NULL (COUNT is 0). Exact sums are kept in BigDecimal and checked against the
 * result type when the window closes; AVG of whole numbers truncates, of DECIMAL rounds half up.
 * FIRST_VALUE and LAST_VALUE keep the first and the latest value added, NULL included. ANY is TRUE when a
 * value is TRUE, EVERY when no value is FALSE; both are NULL without a non-NULL value [emulator choice].
 */
public final class Accumulator {

    private final Aggregation.Kind kind;
    private final SqlType type;
    private long count;
    private BigDecimal exactSum = BigDecimal.ZERO;
    private double approximateSum;
    private Object extreme;
    private long trues;

    Accumulator(Aggregation.Kind kind, SqlType type) {
        this.kind = kind;
        this.type = type;
    }

    /** Adds one value; for COUNT(*) any non-null marker counts. */
    public void add(Object value, boolean countStar) {
        if (kind == Aggregation.Kind.FIRST_VALUE || kind == Aggregation.Kind.LAST_VALUE) {
            if (count++ == 0 || kind == Aggregation.Kind.LAST_VALUE) {
                extreme = value;
            }
            return;
        }
        if (value == null && !countStar) {
            return;
        }
        count++;
        switch (kind) {
            case SUM, AVG -> {
                if (type.isApproximate()) {
                    approximateSum += ((Number) value).doubleValue();
                } else {
                    exactSum = exactSum.add(Numbers.toDecimal(value));
                }
            }
            case MIN -> extreme = extreme == null || Comparisons.compare(value, extreme) < 0 ? value : extreme;
            case MAX -> extreme = extreme == null || Comparisons.compare(value, extreme) > 0 ? value : extreme;
            case ANY, EVERY -> trues += Boolean.TRUE.equals(value) ? 1 : 0;
            default -> {
            }
        }
    }

    /** The aggregate's value in its type. */
    public Object result() {
        if (kind == Aggregation.Kind.COUNT) {
            return count;
        }
        if (count == 0) {
            return null;
        }
        return switch (kind) {
            case MIN, MAX, FIRST_VALUE, LAST_VALUE -> extreme;
            case ANY -> trues > 0;
            case EVERY -> trues == count;
            case SUM -> type.isApproximate() ? (Object) approximateSum : Numbers.convert(exactSum, type);
            default -> {
                if (type.isApproximate()) {
                    yield approximateSum / count;
                }
                BigDecimal n = BigDecimal.valueOf(count);
                yield type.isIntegral() ? Numbers.convert(exactSum.divide(n, 0, RoundingMode.DOWN), type)
                        : Numbers.convert(exactSum.divide(n, type.scale(), RoundingMode.HALF_UP), type);
            }
        };
    }
}
