package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.Op;
import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;

/** Writes casts and arithmetic so the Flink result has the dialect's type (widening, rounding, scale). */
final class Conversions {

    private Conversions() {
    }

    /**
     * ANY / EVERY (Flink has neither): the MAX / MIN of 1 for TRUE and 0 for FALSE, compared with 1, so a group or
     * window of NULLs only is NULL as in KDA. {@code over} follows the aggregate (empty in GROUP BY).
     */
    static String booleanAggregate(boolean any, String arg, String over) {
        return "(" + (any ? "MAX" : "MIN") + "(CASE WHEN " + arg + " THEN 1 WHEN NOT " + arg + " THEN 0 END)" + over
                + " = 1)";
    }

    static String cast(ExprWriter w, Expr.Cast cast, SourcePos pos) {
        SqlType from = cast.arg().type();
        SqlType to = cast.type();
        String arg = w.write(cast.arg(), pos);
        if (from.kind() == SqlType.Kind.INTERVAL && to.kind() != SqlType.Kind.INTERVAL
                || to.kind() == SqlType.Kind.INTERVAL && from.kind() != SqlType.Kind.INTERVAL && !from.isNull()) {
            return w.ctx.refuse(pos, "CAST between an interval and " + (to.kind() == SqlType.Kind.INTERVAL ? from : to),
                    "compute the number with TSDIFF or EXTRACT instead");
        }
        if (to.isIntegral() && (from.kind() == SqlType.Kind.DECIMAL || from.isApproximate())) {
            // The dialect rounds half away from zero (-1.5 to -2); Flink's CAST truncates, ROUND rounds half up.
            return "CAST(ROUND(" + arg + ", 0) AS " + Sql.type(to) + ")";
        }
        if (!cast.explicit() && Sql.type(from).equals(Sql.type(to))) {
            return arg;
        }
        return "CAST(" + arg + " AS " + Sql.type(to) + ")";
    }

    static String arithmetic(ExprWriter w, Expr.Call call, SourcePos pos) {
        SqlType t = call.type();
        Expr a = call.args().get(0);
        Expr b = call.args().get(1);
        String sa = w.write(a, pos);
        String sb = w.write(b, pos);
        String op = switch (call.op()) {
            case PLUS -> "+";
            case MINUS -> "-";
            case TIMES -> "*";
            case DIVIDE -> "/";
            default -> null;
        };
        if (t.kind() == SqlType.Kind.INTERVAL) {
            return "(" + sa + " " + op + " " + sb + ")";
        }
        if (t.isIntegral() || t.isApproximate()) {
            // The dialect computes in the wider type, at least INTEGER; Flink keeps TINYINT + TINYINT a TINYINT.
            sa = widen(sa, a.type(), t);
            sb = widen(sb, b.type(), t);
            String text = op == null ? "MOD(" + sa + ", " + sb + ")" : "(" + sa + " " + op + " " + sb + ")";
            return call.op() == Op.DIVIDE && t.isIntegral() ? "CAST(" + text + " AS " + Sql.type(t) + ")" : text;
        }
        String text = op == null ? "MOD(" + sa + ", " + sb + ")" : "(" + sa + " " + op + " " + sb + ")";
        return sameDecimal(call.op(), a.type(), b.type(), t) ? text : "CAST(" + text + " AS " + Sql.type(t) + ")";
    }

    private static String widen(String text, SqlType from, SqlType to) {
        return from.equals(to) || from.isNull() ? text : "CAST(" + text + " AS " + Sql.type(to) + ")";
    }

    /** Whether Flink's DECIMAL result type of {@code a op b} is already the dialect's (no 19-digit cap reached). */
    private static boolean sameDecimal(Op op, SqlType a, SqlType b, SqlType result) {
        if (a.kind() != SqlType.Kind.DECIMAL || b.kind() != SqlType.Kind.DECIMAL) {
            return false;
        }
        int scale;
        int precision;
        if (op == Op.PLUS || op == Op.MINUS) {
            scale = Math.max(a.scale(), b.scale());
            precision = Math.max(a.precision() - a.scale(), b.precision() - b.scale()) + scale + 1;
        } else if (op == Op.TIMES) {
            scale = a.scale() + b.scale();
            precision = a.precision() + b.precision();
        } else {
            return false;
        }
        return SqlType.decimal(precision, scale).equals(result);
    }

    /** {@code CAST(x AS t)} unless x already has t's Flink type. */
    static String to(String text, SqlType from, SqlType to) {
        return Sql.type(from).equals(Sql.type(to)) ? text : "CAST(" + text + " AS " + Sql.type(to) + ")";
    }

    static List<String> bigints(List<String> texts, List<Expr> args) {
        return java.util.stream.IntStream.range(0, texts.size())
                .mapToObj(i -> to(texts.get(i), args.get(i).type(), SqlType.BIGINT)).toList();
    }
}
