package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.Op;
import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Writes an analyzed expression as Flink SQL with the same result type and value; operators are parenthesized. */
final class ExprWriter {

    final Context ctx;
    final RowScope row;
    private final FunctionWriter functions;

    ExprWriter(Context ctx, RowScope row) {
        this.ctx = ctx;
        this.row = row;
        this.functions = new FunctionWriter(this);
    }

    String write(Expr e, SourcePos outer) {
        SourcePos pos = ctx.pos(e, outer);
        if (e instanceof Expr.Literal literal) {
            return literal(literal);
        }
        if (e instanceof Expr.ColumnRef ref) {
            return row.column(ref);
        }
        if (e instanceof Expr.SystemColumn system) {
            return system.arrival() ? "CAST(" + Sql.id(Names.ARRIVAL) + " AS TIMESTAMP(3))" : row.rowtime();
        }
        if (e instanceof Expr.Case c) {
            StringBuilder out = new StringBuilder("CASE");
            for (int i = 0; i < c.conditions().size(); i++) {
                out.append(" WHEN ").append(write(c.conditions().get(i), pos)).append(" THEN ")
                        .append(write(c.results().get(i), pos));
            }
            return out.append(" ELSE ").append(write(c.otherwise(), pos)).append(" END").toString();
        }
        if (e instanceof Expr.Cast cast) {
            return Conversions.cast(this, cast, pos);
        }
        return call((Expr.Call) e, pos);
    }

    List<String> args(Expr.Call call, SourcePos pos) {
        List<String> out = new ArrayList<>();
        for (Expr a : call.args()) {
            out.add(write(a, pos));
        }
        return out;
    }

    private String call(Expr.Call call, SourcePos pos) {
        List<String> a = args(call, pos);
        return switch (call.op()) {
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> Conversions.arithmetic(this, call, pos);
            case NEGATE -> "(- " + a.get(0) + ")";
            case EQ -> binary(a, "=");
            case NE -> binary(a, "<>");
            case LT -> binary(a, "<");
            case LE -> binary(a, "<=");
            case GT -> binary(a, ">");
            case GE -> binary(a, ">=");
            case AND -> binary(a, "AND");
            case OR -> binary(a, "OR");
            case NOT -> "(NOT " + a.get(0) + ")";
            case IS_NULL -> "(" + a.get(0) + " IS NULL)";
            case IS_NOT_NULL -> "(" + a.get(0) + " IS NOT NULL)";
            case IS_TRUE -> "(" + a.get(0) + " IS TRUE)";
            case IS_FALSE -> "(" + a.get(0) + " IS FALSE)";
            case IS_NOT_TRUE -> "(" + a.get(0) + " IS NOT TRUE)";
            case IS_NOT_FALSE -> "(" + a.get(0) + " IS NOT FALSE)";
            case LIKE -> pattern(a, "LIKE");
            case SIMILAR -> pattern(a, "SIMILAR TO");
            case IN -> "(" + a.get(0) + " IN (" + String.join(", ", a.subList(1, a.size())) + "))";
            case BETWEEN -> "(" + a.get(0) + " BETWEEN " + a.get(1) + " AND " + a.get(2) + ")";
            case BETWEEN_SYMMETRIC -> "(" + a.get(0) + " BETWEEN SYMMETRIC " + a.get(1) + " AND " + a.get(2) + ")";
            case CONCAT -> binary(a, "||");
            case COALESCE -> "COALESCE(" + String.join(", ", a) + ")";
            case NULLIF -> "NULLIF(" + a.get(0) + ", " + a.get(1) + ")";
            case DATETIME_PLUS_INTERVAL -> binary(a, "+");
            case DATETIME_MINUS_INTERVAL -> binary(a, "-");
            case DATETIME_DIFF -> ctx.refuse(pos, "The datetime difference (a - b) unit",
                    "use TSDIFF(b, a), the difference in milliseconds, instead");
            default -> functions.write(call, a, pos);
        };
    }

    private static String binary(List<String> a, String op) {
        return "(" + a.get(0) + " " + op + " " + a.get(1) + ")";
    }

    private static String pattern(List<String> a, String op) {
        return "(" + a.get(0) + " " + op + " " + a.get(1) + (a.size() > 2 ? " ESCAPE " + a.get(2) : "") + ")";
    }

    static String literal(Expr.Literal literal) {
        Object v = literal.value();
        SqlType t = literal.type();
        if (v == null) {
            return t.isNull() ? "NULL" : "CAST(NULL AS " + Sql.type(t) + ")";
        }
        return switch (t.kind()) {
            case CHAR, VARCHAR -> Sql.str((String) v);
            case BOOLEAN -> ((Boolean) v) ? "TRUE" : "FALSE";
            case DOUBLE, REAL -> {
                String text = String.valueOf(((Number) v).doubleValue());
                yield text.contains("E") ? text : text + "E0";
            }
            case DECIMAL -> ((BigDecimal) v).toPlainString();
            case DATE -> "DATE '" + v + "'";
            case TIME -> "TIME '" + String.format("%tT.%<tL", (java.time.LocalTime) v) + "'";
            case TIMESTAMP -> "TIMESTAMP '" + String.format("%tF %<tT.%<tL", (java.time.LocalDateTime) v) + "'";
            case BINARY, VARBINARY -> "X'" + HexFormat.of().withUpperCase().formatHex((byte[]) v) + "'";
            case INTERVAL -> Sql.interval((Long) v);
            default -> String.valueOf(v);
        };
    }

    /** Whether an operator's Flink name and semantics are the dialect's own (no construct entry needed). */
    static boolean plain(Op op) {
        return op.ordinal() <= Op.NULLIF.ordinal();
    }
}
