package io.github.kinesisfanout.operations;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the outputs mapping that create-app, the Flink goals and verify-fanout all read: an
 * in-application stream, the Kinesis stream it is written to (name or ARN), the record format and,
 * for verify-fanout, the consumer function whose logs should show its rows. In the plugin
 * configuration {@code <output><name>POSITIVE_TRANSACTIONS</name><stream>PositiveTransactions</stream>
 * <format>JSON</format><function>positive-consumer</function></output>}; on the command line
 * {@code POSITIVE_TRANSACTIONS=PositiveTransactions:JSON@positive-consumer} (see {@link OutputMapping}).
 */
public final class ApplicationOutput {

    /** The format of an output that names none. */
    public static final String DEFAULT_FORMAT = "JSON";

    /** The in-application stream, exact case, e.g. {@code POSITIVE_TRANSACTIONS} or {@code error_stream}. */
    private String name;

    /** The Kinesis stream it is written to, by name or ARN, e.g. {@code ${fanout.output.PositiveStreamName}}. */
    private String stream;

    /** JSON (default) or CSV. */
    private String format;

    /** The consumer Lambda of that stream; verify-fanout counts its log lines when checkLogs is true. */
    private String function;

    /** verify-fanout: text each of the consumer's record lines contains; default: the name and a space. */
    private String logMarker;

    /** verify-fanout: columns not compared, such as ones computed from the clock. */
    private List<String> ignoreColumns;

    /** An empty entry, for the plugin configuration's {@code <output>}; {@link OutputMapping} checks what was set. */
    public ApplicationOutput() {
    }

    public ApplicationOutput(String name, String stream, String format, String function) {
        this(name, stream, format, function, null, null);
    }

    public ApplicationOutput(String name, String stream, String format, String function, String logMarker,
            List<String> ignoreColumns) {
        this.name = name;
        this.stream = stream;
        this.format = format;
        this.function = function;
        this.logMarker = logMarker;
        this.ignoreColumns = ignoreColumns == null ? null : List.copyOf(ignoreColumns);
    }

    public String name() {
        return name;
    }

    public String stream() {
        return stream;
    }

    /** JSON or CSV as given, {@link #DEFAULT_FORMAT} when unset. */
    public String format() {
        return format == null || format.isBlank() ? DEFAULT_FORMAT : format;
    }

    /** The consumer function, or null when none is named. */
    public String function() {
        return function == null || function.isBlank() ? null : function;
    }

    /** The text each of the consumer's record lines contains: the one given, else the name and a space. */
    public String logMarker() {
        return logMarker == null || logMarker.isBlank() ? name + " " : logMarker;
    }

    /** The columns verify-fanout does not compare; empty when none are named. */
    public Set<String> ignoreColumns() {
        return ignoreColumns == null ? Set.of() : Set.copyOf(ignoreColumns);
    }

    /** The same output written to {@code otherStream}, e.g. the ARN a stream name resolves to. */
    public ApplicationOutput withStream(String otherStream) {
        return new ApplicationOutput(name, otherStream, format, function, logMarker, ignoreColumns);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicationOutput that && Objects.equals(name, that.name)
                && Objects.equals(stream, that.stream) && format().equals(that.format())
                && Objects.equals(function(), that.function()) && logMarker().equals(that.logMarker())
                && ignoreColumns().equals(that.ignoreColumns());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, stream, format(), function());
    }

    @Override
    public String toString() {
        return name + "=" + stream + ":" + format() + (function() == null ? "" : "@" + function());
    }
}
