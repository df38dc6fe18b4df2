package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.InputRecord;
import io.github.kinesisfanout.sql.Row;
import io.github.kinesisfanout.sql.RowSink;
import io.github.kinesisfanout.sql.RunningApplication;
import io.github.kinesisfanout.sql.analyze.Aggregation;
import io.github.kinesisfanout.sql.analyze.AnalyzedApplication;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.plan.BranchPlan;
import io.github.kinesisfanout.sql.plan.EvaluationException;
import io.github.kinesisfanout.sql.plan.PumpPlan;
import io.github.kinesisfanout.sql.plan.RunContext;
import io.github.kinesisfanout.sql.plan.StreamJoinPlan;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running instance: push-based. A row entering a stream goes to the host's sinks, then through each
 * pump branch reading the stream, depth first; rows that fail go to error_stream and the instance
 * goes on. ROWTIME must not decrease within a stream: a late row goes to error_stream.
 */
final class Runtime implements RunningApplication {

    private final Channel[] channels;
    private final Map<String, Integer> byName = new HashMap<>();
    private final RecordDecoder[] decoders;
    private final ReferenceTables tables;
    private final Channel errors;
    private final RunContext context;
    private final Clock clock;
    private final JsonOutputFormat[] rowRenderers;
    private final Decoded decoded = new Decoded();
    private long timeBound = Long.MIN_VALUE;
    private final Map<PumpPlan, OrderBuffer> orders = new java.util.LinkedHashMap<>();
    private final Map<StreamJoinPlan, StreamJoinOperator> streamJoins = new java.util.IdentityHashMap<>();

    Runtime(AnalyzedApplication app, List<PumpPlan> pumps, RecordDecoder[] decoders, ReferenceTables tables,
            Clock clock) {
        this.clock = clock;
        this.context = new RunContext(clock);
        this.decoders = decoders;
        this.tables = tables;
        List<StreamDef> streams = app.streams();
        channels = new Channel[streams.size()];
        rowRenderers = new JsonOutputFormat[streams.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = new Channel(streams.get(i));
            rowRenderers[i] = new JsonOutputFormat(channels[i].columnNames);
            byName.put(streams.get(i).name(), i);
        }
        errors = channels[byName.get(StreamDef.ERROR_STREAM)];
        for (PumpPlan pump : pumps) {
            OrderBuffer order = pump.order() == null ? null : new OrderBuffer(pump.order());
            if (order != null) {
                orders.put(pump, order);
            }
            for (BranchPlan branch : pump.branches()) {
                channels[branch.source()].readers.add(new Channel.Reader(pump, branch,
                        branch.aggregate() == null ? null : new Window(branch.aggregate()),
                        branch.windows().length == 0 ? null : new Sliding(branch), order, operator(branch)));
            }
        }
    }

    /** The table function, reference join or side of a join of two streams a hidden pump's branch applies, or null. */
    private TableOperator operator(BranchPlan branch) {
        if (branch.streamJoin() != null) {
            // The two branches of a join of two streams share one join state.
            return streamJoins.computeIfAbsent(branch.streamJoin().plan(), StreamJoinOperator::new)
                    .input(branch.streamJoin().side());
        }
        if (branch.join() != null) {
            return new ReferenceJoinOperator(branch.join(), tables);
        }
        return branch.tableFunction() == null ? null : TableOperator.of(branch.tableFunction(),
                channels[branch.source()].stream);
    }

    @Override
    public int loadReference(String tableName, byte[] data) {
        int table = tables.index(tableName);
        long now = clock.millis();
        return tables.load(table, data, new RecordDecoder.Output() {
            @Override
            public void row(Object[] values) {
            }

            @Override
            public void error(String errorName, String message, byte[] bytes) {
                Runtime.this.error(errorName, message, now, bytes, null);
            }
        });
    }

    @Override
    public void subscribe(String streamName, RowSink sink) {
        channel(streamName).sinks.add(sink);
    }

    @Override
    public void pushRecord(String inputStreamName, InputRecord record) {
        Channel channel = channel(inputStreamName);
        if (channel.stream.role() != StreamDef.Role.INPUT) {
            throw new IllegalArgumentException("\"" + inputStreamName + "\" is not an input stream");
        }
        decoded.channel = channel;
        decoded.record = record;
        decoders[channel.stream.inputIndex()].decode(record.data(), decoded);
    }

    @Override
    public void rejectRecord(String inputStreamName, InputRecord record, String errorName, String message) {
        Channel channel = channel(inputStreamName);
        if (channel.stream.role() != StreamDef.Role.INPUT) {
            throw new IllegalArgumentException("\"" + inputStreamName + "\" is not an input stream");
        }
        error(errorName, message, record.rowtimeMillis(), record.data(), null);
    }

    /** Receives what a decoder makes of the record being pushed; one instance, reused (single-threaded). */
    private final class Decoded implements RecordDecoder.Output {
        Channel channel;
        InputRecord record;

        @Override
        public void row(Object[] values) {
            emit(channel, new StreamRow(values, record.rowtimeMillis(), record.approximateArrivalMillis(), context), null);
        }

        @Override
        public void error(String errorName, String message, byte[] data) {
            Runtime.this.error(errorName, message, record.rowtimeMillis(), data, null);
        }
    }

    @Override
    public void pushRow(String streamName, Object[] values, long rowtimeMillis) {
        Channel channel = channel(streamName);
        if (channel.stream.role() == StreamDef.Role.ERROR) {
            throw new IllegalArgumentException("error_stream is written by the engine only");
        }
        emit(channel, new StreamRow(RowValues.check(channel.stream, values), rowtimeMillis, rowtimeMillis, context),
                null);
    }

    /** Closes every open window that ends at or before the bound (reference §5: a rowtime bound emits idle windows). */
    @Override
    public void advanceTime(long rowtimeMillis) {
        timeBound = Math.max(timeBound, rowtimeMillis);
        // Rows an ORDER BY releases may reach windows and table functions downstream (a sorted CURSOR), which the
        // bound closes in turn: repeat until no ORDER BY releases rows.
        boolean released;
        do {
            closeWindows();
            released = releaseOrders();
        } while (released);
    }

    /** Closes the windows the time bound has reached and lets the table functions see it. */
    private void closeWindows() {
        for (Channel channel : channels) {
            for (Channel.Reader reader : channel.readers) {
                if (reader.window() != null && reader.window().closesBy(timeBound)) {
                    close(reader, timeBound);
                }
                if (reader.table() != null) {
                    List<StreamRow> rows = new ArrayList<>();
                    reader.table().advance(timeBound, (values, rowtime, arrival) -> rows.add(new StreamRow(values,
                            rowtime, arrival, context)));
                    for (StreamRow row : rows) {
                        deliver(reader, row);
                    }
                }
            }
        }
    }

    /** Releases the rows of each ORDER BY whose leading key the time bound has moved on; whether any were. */
    private boolean releaseOrders() {
        boolean released = false;
        for (Map.Entry<PumpPlan, OrderBuffer> e : orders.entrySet()) {
            try {
                for (StreamRow sorted : e.getValue().advance(timeBound)) {
                    released = true;
                    emit(channels[e.getKey().target()], sorted, e.getKey().name());
                }
            } catch (EvaluationException ex) {
                error(ex.errorName(), ex.getMessage(), timeBound, new byte[0], e.getKey().name());
            }
        }
        return released;
    }

    /** Sends a pump's output row to its target, through the pump's ORDER BY buffer when it has one. */
    private void deliver(Channel.Reader reader, StreamRow out) {
        PumpPlan pump = reader.pump();
        if (reader.order() == null) {
            emit(channels[pump.target()], out, pump.name());
            return;
        }
        List<StreamRow> sorted;
        try {
            sorted = reader.order().offer(out, channels[pump.target()].columnNames.size());
        } catch (EvaluationException e) {
            error(e.errorName(), e.getMessage(), out.rowtime, rowRenderers[pump.target()].serialize(
                    java.util.Arrays.copyOf(out.values, channels[pump.target()].columnNames.size())), pump.name());
            return;
        }
        for (StreamRow row : sorted) {
            emit(channels[pump.target()], row, pump.name());
        }
    }

    private Channel channel(String name) {
        Integer index = byName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("No in-application stream \"" + name + "\"; streams are "
                    + byName.keySet());
        }
        return channels[index];
    }

    private void emit(Channel channel, StreamRow row, String pump) {
        if (row.rowtime < channel.lastRowtime) {
            error("Late_Row", "ROWTIME " + io.github.kinesisfanout.sql.type.Values.text(
                    io.github.kinesisfanout.sql.type.Values.timestamp(row.rowtime)) + " is earlier than the last ROWTIME "
                    + "of stream \"" + channel.stream.name() + "\"", row.rowtime,
                    rowRenderers[index(channel)].serialize(row.values), pump);
            return;
        }
        channel.lastRowtime = row.rowtime;
        // Indexed loops: this runs for every row, and list iterators would be garbage.
        List<RowSink> sinks = channel.sinks;
        if (!sinks.isEmpty()) {
            Row out = new Row(channel.stream.name(), channel.columnNames, row.values, row.rowtime);
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).accept(out);
            }
        }
        List<Channel.Reader> readers = channel.readers;
        for (int i = 0; i < readers.size(); i++) {
            run(readers.get(i), channel, row);
        }
    }

    private void run(Channel.Reader reader, Channel source, StreamRow row) {
        if (reader.window() != null) {
            aggregate(reader, source, row);
            return;
        }
        PumpPlan pump = reader.pump();
        BranchPlan branch = reader.branch();
        if (reader.table() != null) {
            List<StreamRow> rows = new ArrayList<>(1);
            try {
                reader.table().apply(row, (values, rowtime, arrival) -> rows.add(new StreamRow(values, rowtime,
                        arrival, context)));
            } catch (EvaluationException e) {
                error(e.errorName(), e.getMessage(), row.rowtime, rowRenderers[index(source)].serialize(row.values),
                        pump.name());
            }
            for (int i = 0; i < rows.size(); i++) {
                deliver(reader, rows.get(i));
            }
            return;
        }
        Object[] out;
        long rowtime;
        try {
            if (branch.where() != null && branch.where().eval(row) != Boolean.TRUE) {
                return;
            }
            StreamRow input = reader.sliding() == null ? row : reader.sliding().extend(row);
            out = project(pump, branch, channels[pump.target()], input);
            if (reader.order() != null) {
                out = reader.order().withHidden(out, input);
            }
            rowtime = branch.rowtime() == null ? row.rowtime : rowtime(branch, input);
        } catch (EvaluationException e) {
            error(e.errorName(), e.getMessage(), row.rowtime, rowRenderers[index(source)].serialize(row.values),
                    pump.name());
            return;
        }
        deliver(reader, new StreamRow(out, rowtime, row.arrival, context));
    }

    /** Adds a row to its window's group; a row of a later window first closes the open one. */
    private void aggregate(Channel.Reader reader, Channel source, StreamRow row) {
        Window window = reader.window();
        BranchPlan branch = reader.branch();
        boolean arrival = branch.aggregate().driver() == Aggregation.Driver.ARRIVAL_EXPRESSION;
        boolean stagger = branch.aggregate().driver() == Aggregation.Driver.STAGGER;
        if (!arrival && window.closesBy(row.rowtime)) {
            // Any row of the stream moves time on, filtered out or not: the open window is complete.
            close(reader, row.rowtime);
        }
        try {
            if (branch.where() != null && branch.where().eval(row) != Boolean.TRUE) {
                return;
            }
            Object value = branch.aggregate().window().eval(row);
            if (value == null) {
                return;
            }
            if (!stagger && window.isOpen() && !branch.aggregate().sameWindow(value, window.value())) {
                close(reader, row.rowtime);
            }
            window.add(value, row);
        } catch (EvaluationException e) {
            error(e.errorName(), e.getMessage(), row.rowtime, rowRenderers[index(source)].serialize(row.values),
                    reader.pump().name());
        }
    }

    /**
     * Emits one row per group of the open window, with the ROWTIME of the window's end; a window on arrival
     * time closes at the ROWTIME {@code now} that closed it when that is later than its end; a declared key's
     * window at the ROWTIME of the row that closed it, or when it was idle long enough.
     */
    private void close(Channel.Reader reader, long now) {
        PumpPlan pump = reader.pump();
        BranchPlan branch = reader.branch();
        Channel target = channels[pump.target()];
        Window window = reader.window();
        boolean arrival = branch.aggregate().driver() == Aggregation.Driver.ARRIVAL_EXPRESSION;
        boolean declared = branch.aggregate().driver() == Aggregation.Driver.DECLARED;
        // SELECT DISTINCT ... GROUP BY: each distinct output row of the window once, the first in group order.
        java.util.Set<List<Object>> seen = branch.aggregate().distinct() ? new java.util.HashSet<>() : null;
        for (Window.Closed closed : window.closeAt(now)) {
            long end = declared ? Math.min(now, closed.end()) : arrival ? Math.max(closed.end(), now) : closed.end();
            Object[] aggregateRow = closed.row();
            StreamRow row = new StreamRow(aggregateRow, end, end, context);
            Object[] out;
            try {
                if (closed.error() != null) {
                    throw closed.error();
                }
                if (branch.aggregate().having() != null && branch.aggregate().having().eval(row) != Boolean.TRUE) {
                    continue;
                }
                out = project(pump, branch, target, row);
            } catch (EvaluationException e) {
                error(e.errorName(), e.getMessage(), end, window.render(aggregateRow), pump.name());
                continue;
            }
            if (seen != null && !seen.add(RowValues.distinctKey(out))) {
                continue;
            }
            if (reader.order() != null) {
                try {
                    out = reader.order().withHidden(out, row);
                } catch (EvaluationException e) {
                    error(e.errorName(), e.getMessage(), end, window.render(aggregateRow), pump.name());
                    continue;
                }
            }
            deliver(reader, new StreamRow(out, end, end, context));
        }
    }

    private static Object[] project(PumpPlan pump, BranchPlan branch, Channel target, StreamRow row) {
        Object[] out = new Object[target.columnNames.size()];
        int[] columns = pump.targetColumns();
        for (int i = 0; i < columns.length; i++) {
            out[columns[i]] = branch.projections()[i].eval(row);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null && pump.notNull()[i]) {
                throw new EvaluationException("Null_Error", "Column '" + target.columnNames.get(i) + "' of stream \""
                        + target.stream.name() + "\" is NOT NULL but the value is NULL");
            }
        }
        return out;
    }

    private static long rowtime(BranchPlan branch, StreamRow row) {
        Object value = branch.rowtime().eval(row);
        if (value == null) {
            throw new EvaluationException("Null_Error", "The expression AS ROWTIME is NULL");
        }
        return io.github.kinesisfanout.sql.type.Values.epochMillis((java.time.LocalDateTime) value);
    }

    private void error(String name, String message, long dataRowtime, byte[] data, String pump) {
        Object[] values = ErrorRows.row(clock.millis(), name, message, dataRowtime, data, pump);
        Row row = new Row(errors.stream.name(), errors.columnNames, values, dataRowtime);
        for (RowSink sink : errors.sinks) {
            sink.accept(row);
        }
    }

    private int index(Channel channel) {
        return byName.get(channel.stream.name());
    }
}
