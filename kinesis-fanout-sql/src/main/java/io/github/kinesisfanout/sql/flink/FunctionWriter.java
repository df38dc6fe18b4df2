package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.Op;
import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;

/** Writes the dialect's functions as Flink built-ins with the same semantics, or as calls of the job's UDFs. */
final class FunctionWriter {

    private final ExprWriter w;
    private final Context ctx;

    FunctionWriter(ExprWriter w) {
        this.w = w;
        this.ctx = w.ctx;
    }

    String write(Expr.Call call, List<String> a, SourcePos pos) {
        List<Expr> args = call.args();
        return switch (call.op()) {
            case CHAR_LENGTH -> "CHAR_LENGTH(" + a.get(0) + ")";
            case UPPER -> "UPPER(" + a.get(0) + ")";
            case LOWER -> "LOWER(" + a.get(0) + ")";
            // Flink's INITCAP only knows ASCII letters; the dialect's words are Unicode letters and digits.
            case INITCAP -> ctx.udf(Udf.KDA_INITCAP, pos, "INITCAP", a.get(0));
            case POSITION -> a.size() == 2 ? "POSITION(" + a.get(0) + " IN " + a.get(1) + ")" : locate(a, pos);
            case OVERLAY -> "OVERLAY(" + a.get(0) + " PLACING " + a.get(1) + " FROM " + a.get(2)
                    + (a.size() > 3 ? " FOR " + a.get(3) : "") + ")";
            case TRIM -> "TRIM(" + call.param() + " " + a.get(0) + " FROM " + a.get(1) + ")";
            case SUBSTRING, SUBSTRING_COMMA -> substring(call, a, pos);
            case SUBSTRING_REGEX -> {
                ctx.construct(pos, "SUBSTRING(s FROM regex)", "REGEXP_EXTRACT(s, regex, 0)", null);
                yield "REGEXP_EXTRACT(" + a.get(0) + ", " + a.get(1) + ", 0)";
            }
            case SUBSTRING_SIMILAR -> ctx.refuse(pos, "SUBSTRING(s SIMILAR pattern ESCAPE e)",
                    "use SUBSTRING(s FROM regex), which becomes REGEXP_EXTRACT");
            case REGEX_REPLACE -> {
                if (a.size() == 3) {
                    ctx.construct(pos, "REGEX_REPLACE", "REGEXP_REPLACE", null);
                    yield "REGEXP_REPLACE(" + String.join(", ", a) + ")";
                }
                String[] all = {a.get(0), a.get(1), a.get(2), Conversions.to(a.get(3), args.get(3).type(), SqlType.INTEGER),
                        a.size() > 4 ? Conversions.to(a.get(4), args.get(4).type(), SqlType.INTEGER) : "0"};
                yield ctx.udf(Udf.KDA_REGEX_REPLACE, pos, "REGEX_REPLACE(s, regex, replacement, position, occurrence)", all);
            }
            case ABS -> "ABS(" + a.get(0) + ")";
            case CEIL, FLOOR -> Conversions.to(call.op() + "(" + a.get(0) + ")", args.get(0).type(), call.type());
            case EXP, LN, LOG10 -> call.op() + "(" + a.get(0) + ")";
            case POWER -> "POWER(" + a.get(0) + ", " + a.get(1) + ")";
            case STEP -> step(call, a, pos);
            case STEP_TIME -> stepTime(call, a, pos);
            case EXTRACT -> "EXTRACT(" + call.param() + " FROM " + a.get(0) + ")";
            case FLOOR_TIME, CEIL_TIME -> args.get(0).type().kind() == SqlType.Kind.INTERVAL
                    ? ctx.refuse(pos, (call.op() == Op.FLOOR_TIME ? "FLOOR" : "CEIL") + " of an interval (... TO "
                            + call.param() + ")", "Flink rounds only dates and timestamps: round the timestamps "
                            + "before subtracting them, or compare the interval with TSDIFF in milliseconds")
                    : (call.op() == Op.FLOOR_TIME ? "FLOOR(" : "CEIL(") + a.get(0) + " TO " + call.param() + ")";
            case TSDIFF -> "(" + millis(args.get(1), a.get(1), pos) + " - " + millis(args.get(0), a.get(0), pos) + ")";
            case UNIX_TIMESTAMP -> ctx.udf(Udf.KDA_UNIX_TIMESTAMP, pos, "UNIX_TIMESTAMP", a.get(0));
            case TO_TIMESTAMP -> ctx.udf(Udf.KDA_TO_TIMESTAMP, pos, "TO_TIMESTAMP",
                    Conversions.to(a.get(0), args.get(0).type(), SqlType.BIGINT));
            case CHAR_TO_TIMESTAMP -> ctx.udf(Udf.KDA_CHAR_TO_TIMESTAMP, pos, "CHAR_TO_TIMESTAMP", a.get(0), a.get(1));
            case CHAR_TO_DATE -> ctx.udf(Udf.KDA_CHAR_TO_DATE, pos, "CHAR_TO_DATE", a.get(0), a.get(1));
            case CHAR_TO_TIME -> ctx.udf(Udf.KDA_CHAR_TO_TIME, pos, "CHAR_TO_TIME", a.get(0), a.get(1));
            case TIMESTAMP_TO_CHAR -> ctx.udf(Udf.KDA_TIMESTAMP_TO_CHAR, pos, "TIMESTAMP_TO_CHAR", a.get(0), a.get(1));
            case DATE_TO_CHAR -> ctx.udf(Udf.KDA_DATE_TO_CHAR, pos, "DATE_TO_CHAR", a.get(0), a.get(1));
            case TIME_TO_CHAR -> ctx.udf(Udf.KDA_TIME_TO_CHAR, pos, "TIME_TO_CHAR", a.get(0), a.get(1));
            case CURRENT_ROW_TIMESTAMP -> {
                ctx.construct(pos, "CURRENT_ROW_TIMESTAMP", "CURRENT_ROW_TIMESTAMP()", null);
                yield "CAST(CURRENT_ROW_TIMESTAMP() AS TIMESTAMP(3))";
            }
            case CURRENT_TIMESTAMP -> current(pos, "CURRENT_TIMESTAMP", "CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3))");
            case CURRENT_DATE -> current(pos, "CURRENT_DATE", "CURRENT_DATE");
            case CURRENT_TIME -> current(pos, "CURRENT_TIME", "CAST(CURRENT_TIME AS TIME(3))");
            case LOG_PARSE -> ctx.refuse(pos, logParser(call), "parse the record with the input schema's "
                    + "columns (CSV with the delimiter, or JSON mappings) instead");
            case FIELD -> a.get(0); // the ROW value was refused where it was written
            default -> ctx.refuse(pos, "Operator " + call.op(), "rewrite the expression");
        };
    }

    private static String logParser(Expr.Call call) {
        return "The log parsing function " + ((io.github.kinesisfanout.sql.analyze.LogFormat) call.param()).function();
    }

    private String current(SourcePos pos, String kda, String flink) {
        return ctx.approximate(pos, kda, flink, "Flink evaluates it for every row, not once when the application "
                + "starts") ? flink : "NULL";
    }

    private String locate(List<String> a, SourcePos pos) {
        String flink = "LOCATE(" + a.get(0) + ", " + a.get(1) + ", " + a.get(2) + ")";
        return ctx.approximate(pos, "POSITION(s IN t FROM n)", "LOCATE(s, t, n)",
                "LOCATE returns 0 for a start position below 1, where the dialect searches from 1") ? flink : "NULL";
    }

    private String substring(Expr.Call call, List<String> a, SourcePos pos) {
        String flink = "SUBSTRING(" + a.get(0) + " FROM " + a.get(1) + (a.size() > 2 ? " FOR " + a.get(2) : "") + ")";
        boolean positive = call.args().get(1) instanceof Expr.Literal l && l.value() instanceof Number n
                && n.longValue() >= 1;
        if (!positive && !ctx.approximate(pos, "SUBSTRING with a start position that is not a positive literal",
                flink, "Flink counts a start position below 1 from the end of the string")) {
            return "NULL";
        }
        if (call.op() == io.github.kinesisfanout.sql.analyze.Op.SUBSTRING_COMMA) {
            // The comma form gives NULL, not '', when the start is past the end (reference §4.7).
            return "CASE WHEN " + a.get(1) + " > CHAR_LENGTH(" + a.get(0) + ") THEN CAST(NULL AS "
                    + Sql.type(call.type()) + ") ELSE " + flink + " END";
        }
        return flink;
    }

    private String step(Expr.Call call, List<String> a, SourcePos pos) {
        if (!call.type().isIntegral()) {
            return ctx.refuse(pos, "STEP on " + call.type(), "STEP of a DECIMAL is not translated; CAST the value to "
                    + "BIGINT first");
        }
        return Conversions.to(ctx.udf(Udf.KDA_STEP, pos, "STEP(number BY number)",
                Conversions.bigints(a, call.args()).toArray(String[]::new)), SqlType.BIGINT, call.type());
    }

    private String stepTime(Expr.Call call, List<String> a, SourcePos pos) {
        if (call.type().kind() != SqlType.Kind.TIMESTAMP || !(call.args().get(1) instanceof Expr.Literal width)) {
            return ctx.refuse(pos, "STEP(" + call.type() + " BY interval expression)", "STEP outside GROUP BY is "
                    + "translated for a TIMESTAMP and an INTERVAL literal only");
        }
        return ctx.udf(Udf.KDA_STEP_TIMESTAMP, pos, "STEP(timestamp BY INTERVAL)", a.get(0),
                "CAST(" + width.value() + " AS BIGINT)");
    }

    private String millis(Expr e, String text, SourcePos pos) {
        return e.type().kind() == SqlType.Kind.TIMESTAMP ? ctx.udf(Udf.KDA_UNIX_TIMESTAMP, pos, "TSDIFF", text)
                : Conversions.to(text, e.type(), SqlType.BIGINT);
    }
}
