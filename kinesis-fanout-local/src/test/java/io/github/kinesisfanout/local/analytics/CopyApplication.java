package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.InputRecord;
import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.Row;
import io.github.kinesisfanout.sql.RowSink;
import io.github.kinesisfanout.sql.RunningApplication;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled application for runner tests: every record of any input stream becomes a row
 * {@code (DATA, STREAM)} of stream {@code OUT}; records that are "bad" go to error_stream.
 */
final class CopyApplication implements CompiledApplication {

    @Override
    public List<StreamDescription> streams() {
        return List.of(new StreamDescription("OUT", List.of(new ColumnDescription("DATA", "VARCHAR(64)"),
                new ColumnDescription("STREAM", "VARCHAR(64)"))));
    }

    @Override
    public List<String> inputStreamNames() {
        return List.of("SOURCE_SQL_STREAM_001");
    }

    @Override
    public List<String> referenceTableNames() {
        return List.of();
    }

    /** JSON objects for OUT, CSV lines for error_stream, enough for the runner tests. */
    @Override
    public OutputFormat outputFormat(String streamName, String recordFormatType) {
        return row -> {
            StringBuilder text = new StringBuilder();
            if ("CSV".equals(recordFormatType)) {
                for (int i = 0; i < row.values().length; i++) {
                    text.append(i > 0 ? "," : "").append(row.values()[i]);
                }
                return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            }
            text.append('{');
            for (int i = 0; i < row.values().length; i++) {
                text.append(i > 0 ? "," : "").append('"').append(row.columns().get(i)).append("\":\"")
                        .append(row.values()[i]).append('"');
            }
            return text.append('}').toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    @Override
    public RunningApplication start(Clock clock) {
        return start();
    }

    @Override
    public RunningApplication start() {
        Map<String, List<RowSink>> sinks = new HashMap<>();
        return new RunningApplication() {
            @Override
            public void subscribe(String streamName, RowSink sink) {
                sinks.computeIfAbsent(streamName, k -> new ArrayList<>()).add(sink);
            }

            @Override
            public void rejectRecord(String inputStreamName, InputRecord record, String errorName, String message) {
                pushRow("error_stream", new Object[] {errorName, new String(record.data(), StandardCharsets.UTF_8)},
                        record.rowtimeMillis());
            }

            @Override
            public int loadReference(String tableName, byte[] data) {
                throw new IllegalArgumentException("No reference table \"" + tableName + "\"");
            }

            @Override
            public void pushRecord(String inputStreamName, InputRecord record) {
                String data = new String(record.data(), StandardCharsets.UTF_8);
                if (data.equals("bad")) {
                    pushRow("error_stream", new Object[] {"Parse_Error", data}, record.rowtimeMillis());
                } else {
                    pushRow("OUT", new Object[] {data, inputStreamName}, record.rowtimeMillis());
                }
            }

            @Override
            public void pushRow(String streamName, Object[] values, long rowtimeMillis) {
                List<String> columns = streamName.equals("OUT") ? List.of("DATA", "STREAM") : List.of("ERROR_NAME", "DATA_ROW");
                Row row = new Row(streamName, columns, values, rowtimeMillis);
                sinks.getOrDefault(streamName, List.of()).forEach(sink -> sink.accept(row));
            }

            @Override
            public void advanceTime(long rowtimeMillis) {
            }
        };
    }
}
