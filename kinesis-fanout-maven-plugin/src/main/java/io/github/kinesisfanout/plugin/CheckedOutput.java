package io.github.kinesisfanout.plugin;

import java.util.List;

/**
 * One {@code <output>} of verify-fanout's configuration: an in-application stream, the Kinesis
 * stream it is written to and, optionally, the consumer function whose logs should show its rows.
 */
public class CheckedOutput {

    /** The in-application stream, exactly as stored, e.g. {@code POSITIVE_TRANSACTIONS}. */
    private String name;

    /** The Kinesis stream it is written to, by name or ARN, e.g. {@code ${fanout.output.PositiveStreamName}}. */
    private String stream;

    /** The consumer Lambda of that stream; its log group is checked when checkLogs is true. */
    private String function;

    /** Text each of the consumer's record lines contains; default: the stream name and a space. */
    private String logMarker;

    /** Columns not compared, such as ones computed from the clock. */
    private List<String> ignoreColumns;

    public String getName() {
        return name;
    }

    public String getStream() {
        return stream;
    }

    public String getFunction() {
        return function;
    }

    public String getLogMarker() {
        return logMarker;
    }

    public List<String> getIgnoreColumns() {
        return ignoreColumns;
    }
}
