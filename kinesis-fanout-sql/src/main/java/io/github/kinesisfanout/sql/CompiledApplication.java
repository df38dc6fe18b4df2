package io.github.kinesisfanout.sql;

import java.time.Clock;
import java.util.List;

/** Application code that compiled: its streams, and a way to run it. Immutable and thread-safe. */
public interface CompiledApplication {

    /**
     * Every in-application stream: input streams first (in input order), then the streams the code
     * creates (in statement order), then {@code error_stream}.
     */
    List<StreamDescription> streams();

    /** The names of the input streams, in input order, e.g. {@code SOURCE_SQL_STREAM_001}. */
    List<String> inputStreamNames();

    /** The names of the reference tables, as given, in the order they were given. */
    List<String> referenceTableNames();

    /** Starts a running instance on the system UTC clock; instances are independent of each other. */
    RunningApplication start();

    /**
     * Starts a running instance whose CURRENT_TIMESTAMP (fixed at start), CURRENT_ROW_TIMESTAMP and
     * error_stream ERROR_TIME come from {@code clock}.
     */
    RunningApplication start(Clock clock);

    /**
     * A serializer for the rows of one stream, as an application output with that
     * {@code DestinationSchema.RecordFormatType} would write them.
     *
     * @param streamName the in-application stream, matched exactly as stored
     * @param recordFormatType {@code JSON} (one object per row, keys as the columns are stored) or
     *     {@code CSV} (fields in column order, {@code ,}-separated, ended by {@code \n})
     * @throws IllegalArgumentException for an unknown stream or format
     */
    OutputFormat outputFormat(String streamName, String recordFormatType);

    /**
     * An in-application stream and its columns.
     *
     * @param name the name as stored (unquoted names upper-cased)
     * @param columns the columns in order
     */
    record StreamDescription(String name, List<ColumnDescription> columns) {
    }

    /**
     * A column of an in-application stream.
     *
     * @param name the name as stored
     * @param sqlType the SQL type, e.g. {@code DECIMAL(5,2)}
     */
    record ColumnDescription(String name, String sqlType) {
    }
}
