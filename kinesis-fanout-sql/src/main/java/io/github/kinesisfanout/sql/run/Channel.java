package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.RowSink;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.plan.BranchPlan;
import io.github.kinesisfanout.sql.plan.PumpPlan;
import java.util.ArrayList;
import java.util.List;

/** The running state of one in-application stream: its host sinks, its readers, its last ROWTIME. */
final class Channel {

    final StreamDef stream;
    final List<String> columnNames;
    final List<RowSink> sinks = new ArrayList<>();
    final List<Reader> readers = new ArrayList<>();
    long lastRowtime = Long.MIN_VALUE;

    /**
     * A pump branch that reads this stream, with its open window when it aggregates (else null) and its
     * sliding windows when it has analytic calls (else null), and its pump's ORDER BY buffer (else null).
     */
    record Reader(PumpPlan pump, BranchPlan branch, Window window, Sliding sliding, OrderBuffer order,
            TableOperator table) {
    }

    Channel(StreamDef stream) {
        this.stream = stream;
        this.columnNames = stream.columns().stream().map(StreamDef.ColumnDef::name).toList();
    }
}
