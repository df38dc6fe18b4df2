package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import java.util.List;

/** AND, OR, NOT with three-valued logic (NULL is UNKNOWN), IS [NOT] NULL/TRUE/FALSE, and COALESCE. */
final class Logic {

    private Logic() {
    }

    static Evaluator of(Expr.Call call, List<Evaluator> args) {
        Evaluator a = args.isEmpty() ? null : args.get(0);
        return switch (call.op()) {
            case AND -> {
                Evaluator b = args.get(1);
                yield row -> {
                    Object x = a.eval(row);
                    if (Boolean.FALSE.equals(x)) {
                        return Boolean.FALSE;
                    }
                    Object y = b.eval(row);
                    if (Boolean.FALSE.equals(y)) {
                        return Boolean.FALSE;
                    }
                    return x == null || y == null ? null : Boolean.TRUE;
                };
            }
            case OR -> {
                Evaluator b = args.get(1);
                yield row -> {
                    Object x = a.eval(row);
                    if (Boolean.TRUE.equals(x)) {
                        return Boolean.TRUE;
                    }
                    Object y = b.eval(row);
                    if (Boolean.TRUE.equals(y)) {
                        return Boolean.TRUE;
                    }
                    return x == null || y == null ? null : Boolean.FALSE;
                };
            }
            case NOT -> row -> {
                Object x = a.eval(row);
                return x == null ? null : !(Boolean) x;
            };
            case IS_NULL -> row -> a.eval(row) == null;
            case IS_NOT_NULL -> row -> a.eval(row) != null;
            case IS_TRUE -> row -> Boolean.TRUE.equals(a.eval(row));
            case IS_FALSE -> row -> Boolean.FALSE.equals(a.eval(row));
            case IS_NOT_TRUE -> row -> !Boolean.TRUE.equals(a.eval(row));
            case IS_NOT_FALSE -> row -> !Boolean.FALSE.equals(a.eval(row));
            case COALESCE -> {
                Evaluator[] all = args.toArray(new Evaluator[0]);
                yield row -> {
                    for (Evaluator e : all) {
                        Object v = e.eval(row);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            default -> throw new IllegalArgumentException(call.op().name());
        };
    }
}
