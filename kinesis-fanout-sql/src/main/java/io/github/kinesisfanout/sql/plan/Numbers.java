package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numeric values of the engine: exact range checks (overflow is an error, never a wrap). */
public final class Numbers {

    private Numbers() {
    }

    public static long toLong(Object v) {
        return ((Number) v).longValue();
    }

    public static double toDouble(Object v) {
        return ((Number) v).doubleValue();
    }

    public static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString());
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    /** A whole number as the Java type of an integral SQL type, or an overflow error. */
    public static Object integral(long v, SqlType.Kind kind) {
        switch (kind) {
            case TINYINT:
                if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
                    throw overflow(v, kind);
                }
                return (byte) v;
            case SMALLINT:
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    throw overflow(v, kind);
                }
                return (short) v;
            case INTEGER:
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw overflow(v, kind);
                }
                return (int) v;
            default:
                return v;
        }
    }

    /** A DECIMAL rounded (half up) to the type's scale, or an overflow error when it needs more digits. */
    public static BigDecimal decimal(BigDecimal v, SqlType type) {
        BigDecimal scaled = v.scale() == type.scale() ? v : v.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw EvaluationException.arithmetic("Value " + v.toPlainString() + " is out of range for " + type);
        }
        return scaled;
    }

    /** Any number converted to the Java type of a numeric SQL type (integers round half up: -1.5 to -2). */
    public static Object convert(Object v, SqlType type) {
        switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> {
                if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                    return integral(((Number) v).longValue(), type.kind());
                }
                BigDecimal rounded = toDecimal(v).setScale(0, RoundingMode.HALF_UP);
                if (rounded.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw EvaluationException.arithmetic("Value " + rounded.toPlainString() + " is out of range for "
                            + type);
                }
                return integral(rounded.longValue(), type.kind());
            }
            case DECIMAL -> {
                return decimal(toDecimal(v), type);
            }
            case REAL -> {
                return ((Number) v).floatValue();
            }
            default -> {
                return ((Number) v).doubleValue();
            }
        }
    }

    static EvaluationException overflow(Object v, SqlType.Kind kind) {
        return EvaluationException.arithmetic("Value " + v + " is out of range for " + kind);
    }
}
