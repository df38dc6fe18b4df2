package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;

/**
 * Infers whether an expression is a non-decreasing, non-constant function of one time column (the rules
 * of the reference's "Monotonic Expressions and Operators": ROWTIME ascends, FLOOR/CEIL/STEP, adding a
 * constant and scaling by a positive constant keep the order).
 */
public final class Monotonic {

    /** The time column an expression ascends with. */
    public enum Source { ROWTIME, ARRIVAL }

    private Monotonic() {
    }

    /** The column the expression ascends with, or null when it is constant or not known to be monotonic. */
    public static Source source(Expr e) {
        Object s = infer(e);
        return s instanceof Source source ? source : null;
    }

    /** Marker of a constant sub-expression. */
    private static final Object CONSTANT = new Object();

    /** CONSTANT, a Source, or null (not monotonic). */
    private static Object infer(Expr e) {
        if (e instanceof Expr.Literal) {
            return CONSTANT;
        }
        if (e instanceof Expr.SystemColumn column) {
            return column.arrival() ? Source.ARRIVAL : Source.ROWTIME;
        }
        if (e instanceof Expr.Cast cast) {
            SqlType t = cast.type();
            return t.isNumeric() || t.isDatetime() || t.kind() == SqlType.Kind.INTERVAL ? infer(cast.arg()) : null;
        }
        if (!(e instanceof Expr.Call call)) {
            return null;
        }
        switch (call.op()) {
            case FLOOR, CEIL, FLOOR_TIME, CEIL_TIME, STEP, STEP_TIME, UNIX_TIMESTAMP, TO_TIMESTAMP:
                return firstRestConstant(call);
            case DATETIME_PLUS_INTERVAL, DATETIME_MINUS_INTERVAL, DATETIME_DIFF, MINUS:
                return firstRestConstant(call);
            case PLUS: {
                Object a = infer(call.args().get(0));
                Object b = infer(call.args().get(1));
                return a == CONSTANT ? b : b == CONSTANT ? a : null;
            }
            case TIMES, DIVIDE: {
                Object a = infer(call.args().get(0));
                return a != CONSTANT && positive(call.args().get(1)) ? a : null;
            }
            default:
                return null;
        }
    }

    private static Object firstRestConstant(Expr.Call call) {
        Object first = infer(call.args().get(0));
        for (int i = 1; i < call.args().size(); i++) {
            if (infer(call.args().get(i)) != CONSTANT) {
                return null;
            }
        }
        return first;
    }

    private static boolean positive(Expr e) {
        Expr inner = e instanceof Expr.Cast cast ? cast.arg() : e;
        Object v = inner instanceof Expr.Literal l ? l.value() : null;
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).signum() > 0;
        }
        return false;
    }
}
