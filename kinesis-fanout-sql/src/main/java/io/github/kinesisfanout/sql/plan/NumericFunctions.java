package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.UnaryOperator;

/** ABS, CEIL, FLOOR, EXP, LN, LOG10, POWER and STEP on numbers (reference §4.7, "Numeric"). */
final class NumericFunctions {

    private NumericFunctions() {
    }

    static Evaluator of(Expr.Call call, List<Evaluator> args) {
        SqlType type = call.type();
        Evaluator a = args.get(0);
        return switch (call.op()) {
            case ABS -> unary(a, v -> {
                if (v instanceof BigDecimal d) {
                    return Numbers.decimal(d.abs(), type);
                }
                if (type.isApproximate()) {
                    return type.kind() == SqlType.Kind.REAL ? (Object) Math.abs(((Number) v).floatValue())
                            : (Object) Math.abs(((Number) v).doubleValue());
                }
                long x = Numbers.toLong(v);
                return Numbers.integral(x == Long.MIN_VALUE ? overflow(type) : Math.abs(x), type.kind());
            });
            case CEIL, FLOOR -> {
                boolean ceil = call.op() == io.github.kinesisfanout.sql.analyze.Op.CEIL;
                yield unary(a, v -> {
                    if (v instanceof BigDecimal d) {
                        return Numbers.decimal(d.setScale(0, ceil ? RoundingMode.CEILING : RoundingMode.FLOOR), type);
                    }
                    if (type.isApproximate()) {
                        double r = ceil ? Math.ceil(Numbers.toDouble(v)) : Math.floor(Numbers.toDouble(v));
                        return type.kind() == SqlType.Kind.REAL ? (Object) (float) r : (Object) r;
                    }
                    return v;
                });
            }
            case EXP -> unary(a, v -> Math.exp(Numbers.toDouble(v)));
            case LN -> unary(a, v -> logarithm(Numbers.toDouble(v), false));
            case LOG10 -> unary(a, v -> logarithm(Numbers.toDouble(v), true));
            case POWER -> {
                Evaluator b = args.get(1);
                yield row -> {
                    Object x = a.eval(row);
                    Object y = x == null ? null : b.eval(row);
                    if (y == null) {
                        return null;
                    }
                    double r = Math.pow(Numbers.toDouble(x), Numbers.toDouble(y));
                    if (Double.isNaN(r)) {
                        throw EvaluationException.arithmetic("POWER(" + x + ", " + y + ") is not a real number");
                    }
                    return r;
                };
            }
            default -> {
                Evaluator b = args.get(1);
                yield row -> {
                    Object x = a.eval(row);
                    Object y = x == null ? null : b.eval(row);
                    if (y == null) {
                        return null;
                    }
                    return step(x, y, type);
                };
            }
        };
    }

    /** STEP(x BY k) = (x / k) * k, rounding down to a multiple of k (23 BY 5 is 20). */
    private static Object step(Object x, Object k, SqlType type) {
        BigDecimal width = Numbers.toDecimal(k);
        if (width.signum() <= 0) {
            throw EvaluationException.arithmetic("STEP width must be positive, was " + width.toPlainString());
        }
        BigDecimal value = Numbers.toDecimal(x);
        BigDecimal steps = value.divide(width, 0, RoundingMode.FLOOR);
        return Numbers.convert(steps.multiply(width), type);
    }

    private static double logarithm(double x, boolean base10) {
        if (x <= 0) {
            throw EvaluationException.arithmetic("Logarithm of a non-positive number " + x);
        }
        return base10 ? Math.log10(x) : Math.log(x);
    }

    private static long overflow(SqlType type) {
        throw EvaluationException.arithmetic("Numeric overflow: the result does not fit in " + type);
    }

    static Evaluator unary(Evaluator a, UnaryOperator<Object> f) {
        return row -> {
            Object v = a.eval(row);
            return v == null ? null : f.apply(v);
        };
    }
}
