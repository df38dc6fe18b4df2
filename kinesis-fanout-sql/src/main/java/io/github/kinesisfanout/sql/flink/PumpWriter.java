package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.Aggregation;
import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.PumpDef;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes a pump's SELECT branches as Flink queries: projections, WHERE, tumbling and sliding windows. */
final class PumpWriter {

    private final Context ctx;
    private final Script script;
    private final Set<String> plainRowtime;

    /**
     * @param plainRowtime streams whose ROWTIME an {@code AS ROWTIME} override made a plain TIMESTAMP column
     */
    PumpWriter(Context ctx, Script script, Set<String> plainRowtime) {
        this.ctx = ctx;
        this.script = script;
        this.plainRowtime = plainRowtime;
    }

    /** The UNION ALL of the pump's branches, each giving the target's columns (and ROWTIME for a view). */
    String query(PumpDef pump, boolean rowtime) {
        List<String> branches = new ArrayList<>();
        for (int b = 0; b < pump.queries().size(); b++) {
            branches.add(branch(pump, b, rowtime));
        }
        if (branches.size() > 1) {
            ctx.construct(pump.pos(), "UNION ALL", "UNION ALL", null);
        }
        if (pump.ordering() != null) {
            SourcePos at = pump.ordering().keys().isEmpty() ? pump.pos() : ctx.pos(pump.ordering().keys().get(0),
                    pump.pos());
            ctx.refuse(at, "ORDER BY on a stream", "Flink streaming SQL sorts only by a time attribute ascending and "
                    + "has no KDA sort within each value of a leading key; drop the ORDER BY or sort downstream");
        }
        return String.join("\nUNION ALL\n", branches);
    }

    private String branch(PumpDef pump, int b, boolean rowtime) {
        PumpDef.QueryDef q = pump.queries().get(b);
        SourcePos pos = q.pos() == null ? pump.pos() : q.pos();
        if (q.tableFunction() != null) {
            return ctx.refuse(pos, q.tableFunction().name(), "it is not supported on Flink yet ("
                    + TableFunctionReasons.of(q.tableFunction().name()) + ")");
        }
        if (q.join() != null) {
            return ctx.refuse(pos, "JOIN with reference table \"" + q.join().table().name() + "\"", "it is not "
                    + "supported on Flink yet (the table would be a filesystem source over the S3 object, and a "
                    + "LEFT JOIN of a stream with it is an updating result a Kinesis sink cannot take)");
        }
        if (q.streamJoin() != null) {
            // Both branches of the join's hidden pump are one join: refused once, at the join.
            return q.streamJoin().side() == 1 ? "NULL" : ctx.refuse(pos, "JOIN of two streams", "it is not "
                    + "supported on Flink yet (Flink's interval join bounds both sides' time attributes in the "
                    + "condition and emits an unmatched outer row when the watermark passes, not at the end of the "
                    + "KDA window of the ROWTIME clock; write the join in Flink SQL by hand)");
        }
        Aggregation agg = q.aggregation();
        ExprWriter input = new ExprWriter(ctx, RowScope.of(q.source()));
        ExprWriter output = input;
        List<String> keys = new ArrayList<>();
        String from = Sql.id(q.source().name());
        if (agg != null && agg.distinct()) {
            ctx.refuse(pos, "SELECT DISTINCT with GROUP BY", "it is not supported on Flink yet (Flink would dedupe "
                    + "the windowed rows with an unbounded DISTINCT over the whole stream, not within each window); "
                    + "drop DISTINCT or group by the select items instead");
        }
        if (agg != null) {
            for (Expr k : agg.keys()) {
                keys.add(input.write(k, pos));
            }
            List<String> aggregates = new ArrayList<>();
            for (Aggregation.AggregateCall call : agg.aggregates()) {
                aggregates.add(aggregate(input, call, pos));
            }
            output = new ExprWriter(ctx, RowScope.aggregate(keys, aggregates));
            from = tumble(pump, b, q, input, pos);
        } else if (!q.windows().isEmpty()) {
            output = new ExprWriter(ctx, OverWriter.scope(ctx, q, input, pos, plainRowtime.contains(q.source().name())));
        }
        List<String> items = new ArrayList<>();
        StreamDef target = pump.target();
        for (int c = 0; c < target.columns().size(); c++) {
            StreamDef.ColumnDef column = target.columns().get(c);
            int item = indexOf(pump.targetColumns(), c);
            String value = item < 0 ? "CAST(NULL AS " + Sql.type(column.type()) + ")"
                    : output.write(q.projections().get(item), pos);
            items.add("  " + value + " AS " + Sql.id(column.name()));
        }
        if (rowtime) {
            String value = agg != null ? Sql.id("window_time") : q.rowtime() != null ? input.write(q.rowtime(), pos)
                    : Sql.id(Names.ROWTIME);
            items.add("  " + value + " AS " + Sql.id(Names.ROWTIME));
        }
        if (q.rowtime() != null) {
            ctx.construct(ctx.pos(q.rowtime(), pos), "expr AS ROWTIME", "a plain TIMESTAMP column ROWTIME",
                    "it is no time attribute: a window over the stream it feeds is refused");
        }
        StringBuilder out = new StringBuilder("SELECT\n").append(String.join(",\n", items)).append("\nFROM ").append(from);
        if (agg == null && q.where() != null) {
            out.append("\nWHERE ").append(input.write(q.where(), pos));
        }
        if (agg != null) {
            List<String> group = new ArrayList<>(List.of(Sql.id("window_start"), Sql.id("window_end")));
            if (rowtime) {
                group.add(Sql.id("window_time"));
            }
            group.addAll(keys);
            out.append("\nGROUP BY ").append(String.join(", ", group));
            if (agg.having() != null) {
                out.append("\nHAVING ").append(output.write(agg.having(), pos));
            }
        }
        return out.toString();
    }

    private String tumble(PumpDef pump, int b, PumpDef.QueryDef q, ExprWriter input, SourcePos pos) {
        Aggregation agg = q.aggregation();
        SourcePos windowPos = ctx.pos(agg.window(), pos);
        String size;
        if (agg.driver() == Aggregation.Driver.STAGGER) {
            return ctx.refuse(windowPos, "WINDOWED BY STAGGER", "Flink has no window opened per key by its first "
                    + "row; group by STEP(ROWTIME BY INTERVAL ...) for a tumbling window");
        }
        if (agg.driver() == Aggregation.Driver.ARRIVAL_EXPRESSION) {
            return ctx.refuse(windowPos, "GROUP BY on an expression of APPROXIMATE_ARRIVAL_TIME", "Flink windows need "
                    + "a time attribute: group by STEP(ROWTIME BY INTERVAL ...) or FLOOR(ROWTIME TO unit) with the "
                    + "ARRIVAL_TIME option, which makes ROWTIME the arrival time");
        } else if (agg.driver() == Aggregation.Driver.DECLARED) {
            return ctx.refuse(windowPos, "GROUP BY on a key declared MONOTONIC without a window on ROWTIME", "Flink "
                    + "windows need a time attribute: add STEP(ROWTIME BY INTERVAL ...) to the GROUP BY");
        } else if (agg.driver() == Aggregation.Driver.ROWTIME_EXPRESSION) {
            return ctx.refuse(windowPos, "GROUP BY on an expression of ROWTIME other than STEP or FLOOR", "write the "
                    + "window as STEP(ROWTIME BY INTERVAL 'n' unit) or FLOOR(ROWTIME TO unit), which become a TUMBLE");
        } else if (agg.unit() == null) {
            size = Sql.interval(agg.widthMillis());
        } else if (agg.unit().equals("MONTH") || agg.unit().equals("YEAR")) {
            size = ctx.refuse(windowPos, "FLOOR(ROWTIME TO " + agg.unit() + ")", "a TUMBLE window has a fixed size; "
                    + "use STEP(ROWTIME BY INTERVAL 'n' DAY)");
        } else {
            size = "INTERVAL '1' " + agg.unit();
        }
        if (plainRowtime.contains(q.source().name())) {
            ctx.refuse(windowPos, "A window over \"" + q.source().name() + "\", whose ROWTIME an AS ROWTIME override set",
                    "TUMBLE needs a time attribute; drop the AS ROWTIME override or window before it");
        }
        ctx.construct(windowPos, agg.unit() == null ? "GROUP BY STEP(ROWTIME BY INTERVAL)" : "GROUP BY FLOOR(ROWTIME TO "
                + agg.unit() + ")", "TABLE(TUMBLE(...)) ... GROUP BY window_start, window_end", ctx.settings.arrivalTime()
                ? "a window closes when the watermark passes its end" : "a processing-time window closes on the wall "
                + "clock, not when a row past its end arrives");
        String table = Sql.id(q.source().name());
        if (q.where() != null) {
            // A filter between a processing-time TUMBLE and its GROUP BY fails planning or emits nothing: filter first.
            String name = Names.filtered(pump.name(), b);
            script.view("KDA line " + line(pos) + ": WHERE of pump " + pump.name() + ", before its window", name,
                    "SELECT *\nFROM " + table + "\nWHERE " + input.write(q.where(), pos));
            table = Sql.id(name);
        }
        return "TABLE(TUMBLE(TABLE " + table + ", DESCRIPTOR(" + Sql.id(Names.ROWTIME) + "), " + size + "))";
    }

    private static String aggregate(ExprWriter input, Aggregation.AggregateCall call, SourcePos pos) {
        if (call.arg() == null) {
            return "COUNT(*)";
        }
        SqlType t = call.arg().type();
        String arg = input.write(call.arg(), pos);
        return switch (call.kind()) {
            case COUNT, MIN, MAX -> call.kind() + "(" + arg + ")";
            // SUM of whole numbers is BIGINT and of REAL/DOUBLE DOUBLE; Flink's SUM keeps INT an INT.
            case SUM -> t.kind() == SqlType.Kind.DECIMAL ? "CAST(SUM(" + arg + ") AS " + Sql.type(call.type()) + ")"
                    : "SUM(" + Conversions.to(arg, t, call.type()) + ")";
            // AVG keeps its argument's type: Flink widens a DECIMAL's scale, so round it back (half up).
            case AVG -> t.kind() == SqlType.Kind.DECIMAL ? "CAST(AVG(" + arg + ") AS " + Sql.type(call.type()) + ")"
                    : "AVG(" + Conversions.to(arg, t, call.type()) + ")";
            case ANY, EVERY -> Conversions.booleanAggregate(call.kind() == Aggregation.Kind.ANY, arg, "");
            case FIRST_VALUE, LAST_VALUE -> input.ctx.refuse(input.ctx.pos(call.arg(), pos), call.kind() + " in GROUP BY",
                    "it is not supported on Flink yet (Flink's " + call.kind() + " skips NULLs, and the row order "
                    + "within a window is not the arrival order KDA uses): aggregate with MIN or MAX instead");
        };
    }

    private static int indexOf(int[] columns, int column) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == column) {
                return i;
            }
        }
        return -1;
    }

    static int line(SourcePos pos) {
        return pos == null ? 0 : pos.line();
    }
}
