package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;

/** Types arithmetic: numbers, and datetime/interval arithmetic (reference §4.7, "Arithmetic"). */
final class Arithmetic {

    private Arithmetic() {
    }

    static Expr binary(Op op, SqlCall call, Expr a, Expr b) {
        SqlType ta = a.type();
        SqlType tb = b.type();
        boolean ia = ta.kind() == SqlType.Kind.INTERVAL;
        boolean ib = tb.kind() == SqlType.Kind.INTERVAL;
        if (op == Op.PLUS && ta.isDatetime() && ib) {
            return new Expr.Call(Op.DATETIME_PLUS_INTERVAL, ta, List.of(a, b));
        }
        if (op == Op.PLUS && ia && tb.isDatetime()) {
            return new Expr.Call(Op.DATETIME_PLUS_INTERVAL, tb, List.of(b, a));
        }
        if (op == Op.MINUS && ta.isDatetime() && ib) {
            return new Expr.Call(Op.DATETIME_MINUS_INTERVAL, ta, List.of(a, b));
        }
        if ((op == Op.PLUS || op == Op.MINUS) && ia && ib) {
            return new Expr.Call(op, SqlType.interval(Math.min(ta.precision(), tb.precision()),
                    Math.max(ta.scale(), tb.scale())), List.of(a, b));
        }
        if ((op == Op.TIMES || op == Op.DIVIDE) && ia && (tb.isNumeric() || tb.isNull())) {
            return new Expr.Call(op, ta, List.of(a, b));
        }
        if (op == Op.TIMES && ib && (ta.isNumeric() || ta.isNull())) {
            return new Expr.Call(op, tb, List.of(b, a));
        }
        SqlType type = TypeRules.arithmetic(op, ta, tb);
        if (type == null && ta.isNull() && tb.isNull()) {
            type = SqlType.INTEGER;
        }
        if (type == null) {
            throw new SemanticError(ExprAnalyzer.pos(call), "Cannot apply '" + call.getOperator().getName() + "' to "
                    + ta + " and " + tb);
        }
        return new Expr.Call(op, type, List.of(a, b));
    }

    /** {@code (ts1 - ts2) unit}: the difference of two datetimes as an interval. */
    static Expr datetimeDiff(SqlCall call, Expr a, Expr b) {
        if (!a.type().isDatetime() || a.type().kind() != b.type().kind()) {
            throw new SemanticError(ExprAnalyzer.pos(call), "Cannot subtract " + b.type() + " from " + a.type()
                    + " as an interval");
        }
        SqlIntervalQualifier qualifier = (SqlIntervalQualifier) call.operand(2);
        if (qualifier.isYearMonth()) {
            throw new SemanticError(ExprAnalyzer.pos(qualifier), "Year-month intervals are not supported: only "
                    + "day-time intervals (DAY, HOUR, MINUTE, SECOND)");
        }
        int leading = LiteralAnalyzer.unit(qualifier.getStartUnit());
        int trailing = qualifier.getEndUnit() == null ? leading : LiteralAnalyzer.unit(qualifier.getEndUnit());
        return new Expr.Call(Op.DATETIME_DIFF, SqlType.interval(leading, trailing), List.of(a, b));
    }

    static Expr negate(SqlCall call, Expr a) {
        if (!a.type().isNumeric() && a.type().kind() != SqlType.Kind.INTERVAL && !a.type().isNull()) {
            throw new SemanticError(ExprAnalyzer.pos(call), "Cannot negate " + a.type());
        }
        return new Expr.Call(Op.NEGATE, a.type().isNull() ? SqlType.INTEGER : a.type(), List.of(a));
    }

    static Expr plus(SqlCall call, Expr a) {
        negate(call, a);
        return a;
    }
}
