package io.github.kinesisfanout.sql;

import java.util.List;

/** Application code that compiled: its streams, and a way to run it. */
public interface CompiledApplication {

    /** Every in-application stream (input streams, created streams, {@code error_stream}). */
    List<StreamDescription> streams();

    /** Starts a running instance; instances are independent of each other. */
    RunningApplication start();

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
