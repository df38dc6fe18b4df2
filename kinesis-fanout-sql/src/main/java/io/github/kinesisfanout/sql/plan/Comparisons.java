package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Comparisons (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=, IN, BETWEEN, NULLIF): operands are brought to one
 * comparison domain (whole numbers as long, exact numbers as BigDecimal, approximate as double,
 * strings, booleans, datetimes); a NULL operand makes the result UNKNOWN (null).
 */
final class Comparisons {

    private Comparisons() {
    }

    /** How values of the operand types compare; PADDED: text with a CHAR operand, trailing blanks ignored. */
    private enum Domain { LONG, DECIMAL, DOUBLE, PADDED, OTHER }

    static Evaluator of(Expr.Call call, List<Evaluator> raw) {
        Domain domain = domain(call.args());
        List<Evaluator> args = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            args.add(toDomain(raw.get(i), call.args().get(i), domain));
        }
        Evaluator a = args.get(0);
        Evaluator b = args.size() > 1 ? args.get(1) : null;
        return switch (call.op()) {
            case EQ -> row -> test(a, b, row, 0);
            case NE -> row -> test(a, b, row, 1);
            case LT -> row -> test(a, b, row, 2);
            case LE -> row -> test(a, b, row, 3);
            case GT -> row -> test(a, b, row, 4);
            case GE -> row -> test(a, b, row, 5);
            case NULLIF -> {
                Evaluator original = raw.get(0);
                yield row -> {
                    Object x = original.eval(row);
                    return Boolean.TRUE.equals(test(a, b, row, 0)) ? null : x;
                };
            }
            case IN -> {
                Evaluator[] list = args.subList(1, args.size()).toArray(new Evaluator[0]);
                yield row -> {
                    Object x = a.eval(row);
                    if (x == null) {
                        return null;
                    }
                    boolean unknown = false;
                    for (Evaluator e : list) {
                        Object y = e.eval(row);
                        if (y == null) {
                            unknown = true;
                        } else if (compare(x, y) == 0) {
                            return Boolean.TRUE;
                        }
                    }
                    return unknown ? null : Boolean.FALSE;
                };
            }
            default -> {
                boolean symmetric = call.op() == io.github.kinesisfanout.sql.analyze.Op.BETWEEN_SYMMETRIC;
                Evaluator c = args.get(2);
                yield row -> {
                    Object x = a.eval(row);
                    Object low = b.eval(row);
                    Object high = c.eval(row);
                    if (symmetric && low != null && high != null && compare(low, high) > 0) {
                        Object swap = low;
                        low = high;
                        high = swap;
                    }
                    Boolean lower = x == null || low == null ? null : compare(x, low) >= 0;
                    Boolean upper = x == null || high == null ? null : compare(x, high) <= 0;
                    if (Boolean.FALSE.equals(lower) || Boolean.FALSE.equals(upper)) {
                        return Boolean.FALSE;
                    }
                    return lower == null || upper == null ? null : Boolean.TRUE;
                };
            }
        };
    }

    private static Boolean test(Evaluator a, Evaluator b, StreamRow row, int op) {
        Object x = a.eval(row);
        if (x == null) {
            return null;
        }
        Object y = b.eval(row);
        if (y == null) {
            return null;
        }
        int c = compare(x, y);
        return switch (op) {
            case 0 -> c == 0;
            case 1 -> c != 0;
            case 2 -> c < 0;
            case 3 -> c <= 0;
            case 4 -> c > 0;
            default -> c >= 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object x, Object y) {
        if (x instanceof byte[] p && y instanceof byte[] q) {
            return java.util.Arrays.compareUnsigned(p, q);
        }
        return ((Comparable) x).compareTo(y);
    }

    /**
     * A function that maps a value of either operand of {@code a = b} to a hash key, such that two values that
     * compare equal here have equal keys (numbers in the comparison domain, CHAR text without trailing blanks,
     * binary strings by content); null when values of these types have no such key (ROW values).
     */
    static UnaryOperator<Object> hashKey(Expr a, Expr b) {
        if (a.type().kind() == SqlType.Kind.ROW || b.type().kind() == SqlType.Kind.ROW) {
            return null;
        }
        return switch (domain(List.of(a, b))) {
            case LONG -> v -> v instanceof Long ? v : (Object) ((Number) v).longValue();
            case DECIMAL -> v -> Numbers.toDecimal(v).stripTrailingZeros();
            case DOUBLE -> v -> v instanceof Double ? v : (Object) ((Number) v).doubleValue();
            case PADDED -> v -> v instanceof String s ? s.stripTrailing() : v;
            case OTHER -> v -> v instanceof byte[] bytes ? java.nio.ByteBuffer.wrap(bytes) : v;
        };
    }

    private static Domain domain(List<Expr> args) {
        if (args.stream().anyMatch(e -> e.type().kind() == SqlType.Kind.CHAR)) {
            // CHAR values are blank-padded; SQL compares text as if the shorter were padded (PAD SPACE).
            return Domain.PADDED;
        }
        boolean integral = true;
        boolean exact = true;
        boolean numeric = false;
        for (Expr e : args) {
            SqlType t = e.type();
            if (t.isNull()) {
                continue;
            }
            if (!t.isNumeric()) {
                return Domain.OTHER;
            }
            numeric = true;
            integral &= t.isIntegral();
            exact &= t.isExact();
        }
        if (!numeric) {
            return Domain.OTHER;
        }
        return integral ? Domain.LONG : exact ? Domain.DECIMAL : Domain.DOUBLE;
    }

    private static Evaluator toDomain(Evaluator e, Expr expr, Domain domain) {
        UnaryOperator<Object> convert = switch (domain) {
            case LONG -> v -> v instanceof Long ? v : (Object) ((Number) v).longValue();
            case DECIMAL -> v -> Numbers.toDecimal(v);
            case DOUBLE -> v -> v instanceof Double ? v : (Object) ((Number) v).doubleValue();
            case PADDED -> v -> v instanceof String s ? s.stripTrailing() : v;
            default -> null;
        };
        if (convert == null || domain == Domain.DECIMAL && expr.type().kind() == SqlType.Kind.DECIMAL) {
            return e;
        }
        if (expr instanceof Expr.Literal literal) {
            Object value = literal.value() == null ? null : convert.apply(literal.value());
            return row -> value;
        }
        return row -> {
            Object v = e.eval(row);
            return v == null ? null : convert.apply(v);
        };
    }
}
