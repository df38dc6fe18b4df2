package io.github.kinesisfanout.operations.verify;

import java.util.Set;

/**
 * One output to check: an in-application stream and the Kinesis stream it is written to, and
 * optionally the consumer function whose logs should show its rows.
 *
 * @param name the in-application stream, e.g. {@code POSITIVE_TRANSACTIONS}, or {@code error_stream}
 * @param stream the Kinesis stream, by name or ARN
 * @param functionName the consumer Lambda, or null to not check its logs
 * @param logMarker text each of the consumer's record lines contains
 * @param ignoredColumns columns not compared (ones derived from the clock or the arrival time)
 */
public record OutputSpec(String name, String stream, String functionName, String logMarker,
        Set<String> ignoredColumns) {

    /** The error_stream columns that depend on when a row was processed, not on what it was. */
    public static final Set<String> ERROR_STREAM_TIME_COLUMNS = Set.of("ERROR_TIME", "DATA_ROWTIME");

    public OutputSpec {
        ignoredColumns = ignoredColumns == null ? Set.of() : Set.copyOf(ignoredColumns);
        if (logMarker == null || logMarker.isBlank()) {
            logMarker = name + " ";
        }
    }

    /** The error_stream written to {@code stream}, compared without its time columns. */
    public static OutputSpec errorStream(String stream) {
        return new OutputSpec(ExpectedRows.ERROR_STREAM, stream, null, null, ERROR_STREAM_TIME_COLUMNS);
    }
}
