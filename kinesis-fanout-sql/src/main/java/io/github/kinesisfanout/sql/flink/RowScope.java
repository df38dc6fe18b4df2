package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import java.util.List;

/** What the columns of the row an expression reads are called in Flink SQL. */
interface RowScope {

    String column(Expr.ColumnRef ref);

    /** ROWTIME as a value (a TIMESTAMP(3) in UTC, the job's session time zone). */
    String rowtime();

    /** The columns of a stream's row: its columns, ROWTIME and (inputs) APPROXIMATE_ARRIVAL_TIME. */
    static RowScope of(StreamDef stream) {
        return new RowScope() {
            @Override
            public String column(Expr.ColumnRef ref) {
                return Sql.id(stream.columns().get(ref.index()).name());
            }

            @Override
            public String rowtime() {
                return "CAST(" + Sql.id(Names.ROWTIME) + " AS TIMESTAMP(3))";
            }
        };
    }

    /**
     * The aggregate row of a window: {@code [window start, keys..., aggregates...]}, and ROWTIME the window's end.
     *
     * @param keys the grouping keys as written over the input row
     * @param aggregates the aggregate calls as written over the input row
     */
    static RowScope aggregate(List<String> keys, List<String> aggregates) {
        return new RowScope() {
            @Override
            public String column(Expr.ColumnRef ref) {
                if (ref.index() == 0) {
                    return "CAST(" + Sql.id("window_start") + " AS TIMESTAMP(3))";
                }
                return ref.index() <= keys.size() ? keys.get(ref.index() - 1) : aggregates.get(ref.index() - 1 - keys.size());
            }

            @Override
            public String rowtime() {
                return "CAST(" + Sql.id("window_end") + " AS TIMESTAMP(3))";
            }
        };
    }
}
