package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.Op;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * +, -, *, /, MOD and unary minus in the result type the analyzer chose: whole numbers in long with
 * overflow checks, DECIMAL exactly with its precision and scale, REAL/DOUBLE in double, intervals in
 * milliseconds. Division by zero and overflow are errors of the row.
 */
final class ArithmeticEvaluators {

    private ArithmeticEvaluators() {
    }

    /** A binary numeric operation. */
    private interface Binary {
        Object apply(Object x, Object y);
    }

    static Evaluator of(Expr.Call call, List<Evaluator> args) {
        SqlType type = call.type();
        Op op = call.op();
        if (op == Op.NEGATE) {
            Evaluator a = args.get(0);
            Binary negate = binary(Op.MINUS, type);
            Object zero = type.kind() == SqlType.Kind.DECIMAL ? BigDecimal.ZERO : type.isApproximate() ? (Object) 0.0 : 0L;
            return row -> {
                Object x = a.eval(row);
                return x == null ? null : negate.apply(zero, x);
            };
        }
        Evaluator a = args.get(0);
        Evaluator b = args.get(1);
        Binary f = binary(op, type);
        return row -> {
            Object x = a.eval(row);
            if (x == null) {
                return null;
            }
            Object y = b.eval(row);
            return y == null ? null : f.apply(x, y);
        };
    }

    private static Binary binary(Op op, SqlType type) {
        if (type.kind() == SqlType.Kind.INTERVAL) {
            return interval(op);
        }
        if (type.isIntegral()) {
            return switch (op) {
                case PLUS -> (x, y) -> fit(exact(() -> Math.addExact(Numbers.toLong(x), Numbers.toLong(y)), type), type);
                case MINUS -> (x, y) -> fit(exact(() -> Math.subtractExact(Numbers.toLong(x), Numbers.toLong(y)), type), type);
                case TIMES -> (x, y) -> fit(exact(() -> Math.multiplyExact(Numbers.toLong(x), Numbers.toLong(y)), type), type);
                case DIVIDE -> (x, y) -> {
                    long d = nonZero(Numbers.toLong(y));
                    long n = Numbers.toLong(x);
                    if (n == Long.MIN_VALUE && d == -1) {
                        throw EvaluationException.arithmetic("Numeric overflow: the result does not fit in " + type);
                    }
                    return fit(n / d, type);
                };
                default -> (x, y) -> fit(Numbers.toLong(x) % nonZero(Numbers.toLong(y)), type);
            };
        }
        if (type.kind() == SqlType.Kind.DECIMAL) {
            return switch (op) {
                case PLUS -> (x, y) -> Numbers.decimal(Numbers.toDecimal(x).add(Numbers.toDecimal(y)), type);
                case MINUS -> (x, y) -> Numbers.decimal(Numbers.toDecimal(x).subtract(Numbers.toDecimal(y)), type);
                case TIMES -> (x, y) -> Numbers.decimal(Numbers.toDecimal(x).multiply(Numbers.toDecimal(y)), type);
                case DIVIDE -> (x, y) -> {
                    BigDecimal d = Numbers.toDecimal(y);
                    if (d.signum() == 0) {
                        throw EvaluationException.arithmetic("Division by zero");
                    }
                    return Numbers.decimal(Numbers.toDecimal(x).divide(d, type.scale(), RoundingMode.HALF_UP), type);
                };
                default -> (x, y) -> {
                    BigDecimal d = Numbers.toDecimal(y);
                    if (d.signum() == 0) {
                        throw EvaluationException.arithmetic("Division by zero");
                    }
                    return Numbers.decimal(Numbers.toDecimal(x).remainder(d), type);
                };
            };
        }
        boolean real = type.kind() == SqlType.Kind.REAL;
        return switch (op) {
            case PLUS -> (x, y) -> approximate(Numbers.toDouble(x) + Numbers.toDouble(y), real);
            case MINUS -> (x, y) -> approximate(Numbers.toDouble(x) - Numbers.toDouble(y), real);
            case TIMES -> (x, y) -> approximate(Numbers.toDouble(x) * Numbers.toDouble(y), real);
            case DIVIDE -> (x, y) -> {
                double d = Numbers.toDouble(y);
                if (d == 0) {
                    throw EvaluationException.arithmetic("Division by zero");
                }
                return approximate(Numbers.toDouble(x) / d, real);
            };
            default -> (x, y) -> approximate(Numbers.toDouble(x) % Numbers.toDouble(y), real);
        };
    }

    /** Interval arithmetic in milliseconds; interval * number rounds to the millisecond, / truncates. */
    private static Binary interval(Op op) {
        return switch (op) {
            case PLUS -> (x, y) -> Math.addExact((Long) x, (Long) y);
            case MINUS -> (x, y) -> Math.subtractExact((Long) x, (Long) y);
            case TIMES -> (x, y) -> Numbers.toDecimal(x).multiply(Numbers.toDecimal(y))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            default -> (x, y) -> {
                BigDecimal d = Numbers.toDecimal(y);
                if (d.signum() == 0) {
                    throw EvaluationException.arithmetic("Division by zero");
                }
                // Truncated like integer division, so FLOOR(interval / n TO unit) windows start on whole units.
                return Numbers.toDecimal(x).divide(d, 0, RoundingMode.DOWN).longValueExact();
            };
        };
    }

    /** A whole-number result in its type; out of range is an overflow of the operation. */
    private static Object fit(long v, SqlType type) {
        switch (type.kind()) {
            case INTEGER:
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw EvaluationException.arithmetic("Numeric overflow: the result does not fit in " + type);
                }
                return (int) v;
            case BIGINT:
                return v;
            default:
                try {
                    return Numbers.integral(v, type.kind());
                } catch (EvaluationException e) {
                    throw EvaluationException.arithmetic("Numeric overflow: the result does not fit in " + type);
                }
        }
    }

    private static Object approximate(double v, boolean real) {
        return real ? (Object) (float) v : (Object) v;
    }

    private static long nonZero(long d) {
        if (d == 0) {
            throw EvaluationException.arithmetic("Division by zero");
        }
        return d;
    }

    /** A long computation whose overflow becomes an error of the row. */
    private interface LongOp {
        long get();
    }

    private static long exact(LongOp op, SqlType type) {
        try {
            return op.get();
        } catch (ArithmeticException e) {
            throw EvaluationException.arithmetic("Numeric overflow: the result does not fit in " + type);
        }
    }
}
