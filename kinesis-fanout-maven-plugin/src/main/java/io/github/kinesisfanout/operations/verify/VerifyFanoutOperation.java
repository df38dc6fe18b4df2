package io.github.kinesisfanout.operations.verify;

import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.OutputMapping;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.sql.InputSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The routing check: computes each output's expected rows by running the application SQL over the
 * records put-records sent, reads every output stream from TRIM_HORIZON until those rows have
 * arrived (or the timeout passes), optionally counts the consumers' log lines, and writes a report
 * (JSON for verify-report, and the same as an HTML page beside it for people).
 */
public final class VerifyFanoutOperation {

    private static final long PROGRESS_EVERY_MILLIS = 5_000;

    private final AwsClientFactory clients;
    private final ProgressListener listener;

    public VerifyFanoutOperation(AwsClientFactory clients, ProgressListener listener) {
        this.clients = clients;
        this.listener = listener;
    }

    /** Runs the check and writes the report; the caller decides whether a failed check fails the build. */
    public FanoutReport run(VerifySettings settings) {
        Instant started = Instant.now();
        checkOutputs(settings.outputs());
        List<ManifestRecord> records = PutRecordsManifest.read(settings.manifest());
        InputSchema schema = InputSchemaFile.read(settings.schemaFile(), settings.namePrefix())
                .withParallelism(settings.inputParallelism());
        String sql = readSql(settings);
        long deadline = System.currentTimeMillis() + settings.timeout().toMillis();
        List<OutputResult> results;
        try (KinesisClient kinesis = clients.kinesis()) {
            if (settings.inputStream() != null) {
                records = InputArrivals.apply(new StreamReader(kinesis, settings.inputStream()), records, deadline,
                        () -> pause(settings.pollInterval().toMillis()));
            }
            Map<String, List<ExpectedRow>> expected = ExpectedRows.compute(settings.sqlFile().getFileName().toString(),
                    sql, schema, records, settings.outputs().stream().map(ApplicationOutput::name).toList());
            listener.info("Expecting from " + records.size() + " records" + inputs(schema, records) + ": "
                    + expected.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", ")));
            results = readOutputs(kinesis, settings, expected, deadline);
        }
        if (settings.checkLogs()) {
            long since = records.stream().mapToLong(ManifestRecord::putTimeMillis).min().orElse(0);
            try (CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient.builder())) {
                results = countLogs(new ConsumerLogCounter(logs), settings, results, since, deadline);
            }
        }
        FanoutReport report = new FanoutReport(records.size(), results, settings.checkLogs());
        FanoutReportFile.write(settings.report(), report);
        FanoutReportHtml.write(report, settings, started, Duration.between(started, Instant.now()));
        return report;
    }

    /** With input parallelism, how many records each in-application input stream reads. */
    private static String inputs(InputSchema schema, List<ManifestRecord> records) {
        if (schema.parallelism() == 1) {
            return "";
        }
        return new InputStreamAssignment(schema).counts(records).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (input parallelism " + schema.parallelism() + ", by shard: ", ")"));
    }

    private List<OutputResult> readOutputs(KinesisClient kinesis, VerifySettings settings,
            Map<String, List<ExpectedRow>> expected, long deadline) {
        // Keyed by in-application stream: checkOutputs let no name through twice.
        Map<String, StreamReader> readers = new LinkedHashMap<>();
        Map<String, List<ArrivedRow>> arrived = new LinkedHashMap<>();
        for (ApplicationOutput output : settings.outputs()) {
            readers.put(output.name(), new StreamReader(kinesis, output.stream()));
            arrived.put(output.name(), new ArrayList<>());
        }
        long nextProgress = System.currentTimeMillis() + PROGRESS_EVERY_MILLIS;
        while (true) {
            boolean caughtUp = true;
            for (Map.Entry<String, StreamReader> reader : readers.entrySet()) {
                arrived.get(reader.getKey()).addAll(reader.getValue().poll());
                caughtUp &= reader.getValue().caughtUp();
            }
            List<OutputResult> results = compare(settings, expected, arrived);
            // Done once nothing is missing and a full round found no more records: anything
            // unexpected written with the expected rows has been read too.
            boolean complete = results.stream().allMatch(r -> r.missing() == 0);
            long now = System.currentTimeMillis();
            if ((complete && caughtUp) || now >= deadline) {
                if (!complete) {
                    listener.warn("Stopped waiting for output rows after " + settings.timeout().toSeconds()
                            + " s (fanout.verify.timeout): " + progress(results));
                }
                return results;
            }
            if (now >= nextProgress) {
                listener.info("Output rows: " + progress(results));
                nextProgress = now + PROGRESS_EVERY_MILLIS;
            }
            pause(settings.pollInterval().toMillis());
        }
    }

    private static List<OutputResult> compare(VerifySettings settings, Map<String, List<ExpectedRow>> expected,
            Map<String, List<ArrivedRow>> arrived) {
        return settings.outputs().stream().map(o -> OutputComparison.compare(o.name(), o.stream(),
                expected.get(o.name()), arrived.get(o.name()), ignoredColumns(o))).toList();
    }

    /** The columns not compared: those configured, and error_stream's time columns. */
    static Set<String> ignoredColumns(ApplicationOutput output) {
        if (!output.name().equals(ExpectedRows.ERROR_STREAM)) {
            return output.ignoreColumns();
        }
        Set<String> ignored = new HashSet<>(output.ignoreColumns());
        ignored.addAll(ExpectedRows.ERROR_STREAM_TIME_COLUMNS);
        return ignored;
    }

    private static void checkOutputs(List<ApplicationOutput> outputs) {
        if (outputs.isEmpty()) {
            throw new FanoutException("No output to check: add <outputs><output><name>STREAM</name><stream>KINESIS_STREAM"
                    + "</stream></output></outputs> to the plugin configuration (create-app reads the same), or pass"
                    + " -D" + PropertyNames.OUTPUTS + "=" + OutputMapping.SYNTAX + ",...");
        }
        Set<String> names = new HashSet<>();
        for (ApplicationOutput output : outputs) {
            if (!names.add(output.name())) {
                throw new FanoutException("Output " + output.name() + " is listed twice: check each in-application"
                        + " stream once");
            }
            if (!"JSON".equals(output.format())) {
                throw new FanoutException("Output " + output.name() + " is written as " + output.format()
                        + ": verify-fanout reads JSON outputs; checking a " + output.format()
                        + " output is not supported yet");
            }
        }
    }

    private List<OutputResult> countLogs(ConsumerLogCounter counter, VerifySettings settings,
            List<OutputResult> results, long since, long deadline) {
        List<OutputResult> counted = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ApplicationOutput output = settings.outputs().get(i);
            OutputResult result = results.get(i);
            if (output.function() == null) {
                counted.add(result);
                continue;
            }
            int logged = counter.count(output.function(), output.logMarker(), since);
            while (logged < result.expected() && System.currentTimeMillis() < deadline) {
                pause(settings.pollInterval().toMillis());
                logged = counter.count(output.function(), output.logMarker(), since);
            }
            listener.info("Consumer " + output.function() + " logged " + logged + " rows of " + output.name()
                    + " (kept in CloudWatch Logs /aws/lambda/" + output.function()
                    + "; -Dfanout.consumerLogs=console prints them in the build log)");
            counted.add(result.withLogged(logged));
        }
        return counted;
    }

    private static String progress(List<OutputResult> results) {
        return results.stream().map(r -> r.name() + " " + r.matched() + "/" + r.expected())
                .collect(Collectors.joining(", "));
    }

    private static String readSql(VerifySettings settings) {
        try {
            return Files.readString(settings.sqlFile());
        } catch (NoSuchFileException e) {
            throw new FanoutException("The application code " + settings.sqlFile() + " does not exist: set"
                    + " sqlFile (-Dfanout.sqlFile=FILE) to the application's SQL file");
        } catch (IOException e) {
            throw new FanoutException("Cannot read the application code " + settings.sqlFile() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FanoutException("Interrupted while reading the output streams", e);
        }
    }
}
