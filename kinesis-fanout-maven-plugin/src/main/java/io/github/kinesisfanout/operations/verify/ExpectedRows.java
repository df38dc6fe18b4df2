package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.InputRecord;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.RunningApplication;
import io.github.kinesisfanout.sql.SqlCompilationException;
import io.github.kinesisfanout.sql.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the application SQL locally over the records put, to learn which rows each output should
 * receive, rendered by the engine's own JSON output format (the one the local cloud writes). ROWTIME is
 * each record's put time from the manifest, so the result is the same on every run: the service uses
 * the arrival time, a few milliseconds later, which moves no row from one output to another unless
 * the SQL routes on time. With input parallelism, each record goes to the in-application input
 * stream its shard feeds ({@link InputStreamAssignment}).
 */
public final class ExpectedRows {

    /** The system stream that receives rows failing coercion or evaluation. */
    static final String ERROR_STREAM = "error_stream";

    /** The error_stream columns that depend on when a row was processed, not on what it was. */
    static final Set<String> ERROR_STREAM_TIME_COLUMNS = Set.of("ERROR_TIME", "DATA_ROWTIME");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    // Closes every window still open after the last record, as time passing would on the service.
    private static final long FLUSH_AFTER_MILLIS = 24L * 60 * 60 * 1000;

    private ExpectedRows() {
    }

    /**
     * @param sourceName where the SQL came from, for error messages (a file name)
     * @param sql the application code
     * @param schema the application's input schema, with its input parallelism
     * @param records the records put, in any order
     * @param outputs the in-application streams to collect ({@code error_stream} allowed)
     * @return per output, in the given order, the rows it should receive
     * @throws FanoutException when the SQL does not compile, an output is not one of its streams, or
     *     (input parallelism above 1) a record has no shard id
     */
    public static Map<String, List<ExpectedRow>> compute(String sourceName, String sql, InputSchema schema,
            List<ManifestRecord> records, Collection<String> outputs) {
        CompiledApplication application;
        try {
            application = SqlEngine.compile(sql, List.of(schema));
        } catch (SqlCompilationException e) {
            throw new FanoutException(sourceName + " does not compile:\n" + e.getMessage(), e);
        }
        Set<String> streams = new TreeSet<>();
        application.streams().forEach(s -> streams.add(s.name()));
        RunningApplication running = application.start();
        long[] currentPutTime = {0};
        Map<String, List<ExpectedRow>> expected = new LinkedHashMap<>();
        for (String output : outputs) {
            if (!output.equals(ERROR_STREAM) && !streams.contains(output)) {
                throw new FanoutException("Output " + output + " is not a stream of " + sourceName
                        + "; its streams are " + streams + " (names are case-sensitive, unquoted ones upper case)");
            }
            List<ExpectedRow> rows = new ArrayList<>();
            expected.put(output, rows);
            OutputFormat format = application.outputFormat(output, "JSON");
            running.subscribe(output, row -> rows.add(new ExpectedRow(parse(format.serialize(row)), currentPutTime[0])));
        }
        InputStreamAssignment inputs = new InputStreamAssignment(schema);
        List<ManifestRecord> ordered = records.stream()
                .sorted(Comparator.comparingLong(ManifestRecord::putTimeMillis)).toList();
        for (ManifestRecord record : ordered) {
            currentPutTime[0] = record.putTimeMillis();
            running.pushRecord(inputs.streamOf(record), new InputRecord(record.data().getBytes(StandardCharsets.UTF_8),
                    record.putTimeMillis(), record.putTimeMillis(), record.partitionKey(), record.sequenceNumber(),
                    record.shardId()));
        }
        if (!ordered.isEmpty()) {
            running.advanceTime(currentPutTime[0] + FLUSH_AFTER_MILLIS);
        }
        return expected;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the SQL engine wrote a row that is not JSON", e);
        }
    }
}
