package io.github.kinesisfanout.operations.verify;

import io.github.kinesisfanout.operations.ApplicationOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What verify-fanout checks and how long it waits.
 *
 * @param manifest the manifest put-records wrote
 * @param sqlFile the application SQL file
 * @param schemaFile the input schema file (RecordColumns)
 * @param namePrefix the in-application input stream prefix, e.g. {@code SOURCE_SQL_STREAM}
 * @param inputParallelism the application's InputParallelism count, 1 to 64: the SQL reads
 *     {@code <prefix>_001..<prefix>_00N}, each record the one its shard feeds
 * @param inputStream the input stream (name or ARN), read for the records' arrival times; null to
 *     use the manifest's put times
 * @param outputs the outputs to check, error_stream included when configured; JSON ones only
 * @param checkLogs whether to count the consumers' log lines too
 * @param timeout how long to wait for every expected row (and log line)
 * @param pollInterval the pause between two reads of the output streams
 * @param report where the JSON report goes
 */
public record VerifySettings(Path manifest, Path sqlFile, Path schemaFile, String namePrefix, int inputParallelism,
        String inputStream, List<ApplicationOutput> outputs, boolean checkLogs, Duration timeout, Duration pollInterval, Path report) {
}
