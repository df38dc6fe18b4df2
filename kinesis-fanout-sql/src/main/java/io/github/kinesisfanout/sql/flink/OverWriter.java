package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.PumpDef;
import io.github.kinesisfanout.sql.analyze.SlidingWindow;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a branch's sliding windows as Flink OVER aggregations, all over the one window Flink allows per SELECT. */
final class OverWriter {

    private OverWriter() {
    }

    /**
     * The row the branch's projections read: the source columns, then each analytic value as {@code f(...) OVER (...)}.
     *
     * @param plainRowtime whether the source's ROWTIME is a plain column (no time attribute to order by)
     */
    static RowScope scope(Context ctx, PumpDef.QueryDef q, ExprWriter input, SourcePos pos, boolean plainRowtime) {
        Map<Integer, String> values = new HashMap<>();
        String first = null;
        for (SlidingWindow w : q.windows()) {
            SourcePos at = w.calls().isEmpty() ? pos : callPos(ctx, w.calls().get(0), pos);
            String spec = spec(w, input, pos);
            if (first == null) {
                first = spec;
                ctx.construct(at, w.rows() ? "sliding window ROWS" : "sliding window RANGE", "OVER (... ORDER BY ROWTIME "
                        + frame(w) + ")", "rows with the same ROWTIME see each other in Flink; in KDA a row sees only "
                        + "the rows before it");
                if (plainRowtime) {
                    ctx.refuse(at, "A sliding window over \"" + q.source().name() + "\", whose ROWTIME an AS ROWTIME "
                            + "override set", "an OVER window needs a time attribute; drop the AS ROWTIME override or "
                            + "compute the window before it");
                }
            } else if (!first.equals(spec)) {
                ctx.refuse(at, "A second sliding window with another PARTITION BY or frame in one SELECT",
                        "Flink computes every OVER aggregate of a streaming SELECT over the same window; compute each "
                        + "window in its own pump");
            }
            for (SlidingWindow.Call call : w.calls()) {
                values.put(call.column(), call(ctx, call, input, spec, pos));
            }
        }
        RowScope source = RowScope.of(q.source());
        StreamDef stream = q.source();
        return new RowScope() {
            @Override
            public String column(Expr.ColumnRef ref) {
                return ref.index() < stream.columns().size() ? source.column(ref) : values.get(ref.index());
            }

            @Override
            public String rowtime() {
                return source.rowtime();
            }
        };
    }

    private static String spec(SlidingWindow w, ExprWriter input, SourcePos pos) {
        List<String> keys = new ArrayList<>();
        for (Expr k : w.partitionBy()) {
            keys.add(input.write(k, pos));
        }
        String partition = keys.isEmpty() ? "" : "PARTITION BY " + String.join(", ", keys) + " ";
        return "OVER (" + partition + "ORDER BY " + Sql.id(Names.ROWTIME) + " " + frame(w) + ")";
    }

    private static String frame(SlidingWindow w) {
        String start = w.size() == SlidingWindow.UNBOUNDED ? "UNBOUNDED" : w.rows() ? String.valueOf(w.size())
                : Sql.interval(w.size());
        return (w.rows() ? "ROWS" : "RANGE") + " BETWEEN " + start + " PRECEDING AND CURRENT ROW";
    }

    private static String call(Context ctx, SlidingWindow.Call call, ExprWriter input, String over, SourcePos pos) {
        SourcePos at = callPos(ctx, call, pos);
        if (call.arg() == null) {
            return "COUNT(*) " + over;
        }
        SqlType t = call.arg().type();
        String arg = input.write(call.arg(), pos);
        return switch (call.function()) {
            case COUNT, MIN, MAX -> call.function() + "(" + arg + ") " + over;
            case SUM -> t.kind() == SqlType.Kind.DECIMAL ? "CAST(SUM(" + arg + ") " + over + " AS " + Sql.type(call.type())
                    + ")" : "SUM(" + Conversions.to(arg, t, call.type()) + ") " + over;
            case AVG -> t.kind() == SqlType.Kind.DECIMAL ? "CAST(AVG(" + arg + ") " + over + " AS " + Sql.type(call.type())
                    + ")" : "AVG(" + Conversions.to(arg, t, call.type()) + ") " + over;
            case LAG -> ctx.refuse(at, "LAG over a sliding window", "Flink's streaming OVER aggregation has no LAG; "
                    + "not supported on Flink yet");
            // Flink's FIRST_VALUE and LAST_VALUE skip NULLs: KDA's IGNORE NULLS.
            case LAST_VALUE, FIRST_VALUE -> call.ignoreNulls() ? call.function() + "(" + arg + ") " + over
                    // The frame ends at the current row, so its last value is the row's own.
                    : call.function() == SlidingWindow.Function.LAST_VALUE ? Conversions.to(arg, t, call.type())
                    : ctx.refuse(at, "FIRST_VALUE over a sliding window", "Flink's FIRST_VALUE skips NULL values, "
                    + "which KDA returns; not supported on Flink yet");
            case ANY, EVERY -> Conversions.booleanAggregate(call.function() == SlidingWindow.Function.ANY, arg,
                    " " + over);
            case NTH_VALUE -> ctx.refuse(at, "NTH_VALUE over a sliding window", "Flink's streaming OVER aggregation "
                    + "has no NTH_VALUE; not supported on Flink yet");
            case EXP_AVG -> ctx.refuse(at, "EXP_AVG over a sliding window", "Flink has no exponentially weighted "
                    + "average; not supported on Flink yet");
            default -> ctx.refuse(at, call.function() + " over a sliding window", "Flink's streaming OVER aggregation "
                    + "has no variance functions; compute SUM, SUM of squares and COUNT over the window instead");
        };
    }

    private static SourcePos callPos(Context ctx, SlidingWindow.Call call, SourcePos pos) {
        return call.arg() == null ? pos : ctx.pos(call.arg(), pos);
    }
}
