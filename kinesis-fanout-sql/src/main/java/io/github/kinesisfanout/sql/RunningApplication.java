package io.github.kinesisfanout.sql;

/**
 * A running instance of a compiled application: the host pushes records in and receives rows out.
 *
 * <p>Not thread-safe: one thread at a time pushes (the host serializes its readers). Output is
 * deterministic for a given sequence of pushes with caller-supplied ROWTIMEs.
 */
public interface RunningApplication {

    /**
     * Registers a sink for the rows of one in-application stream ({@code error_stream} included).
     * Rows of streams without a sink are dropped after their pumps have read them.
     */
    void subscribe(String streamName, RowSink sink);

    /**
     * Pushes one raw record into an input stream: it is parsed with the input schema; a record
     * that fails goes to {@code error_stream}.
     */
    void pushRecord(String inputStreamName, InputRecord record);

    /**
     * Reports a record the host rejected before the engine could parse it (its Lambda preprocessing failed, say):
     * it goes to {@code error_stream} as a record that failed to parse does, with this error name and message.
     *
     * @throws IllegalArgumentException when {@code inputStreamName} is not an input stream
     */
    void rejectRecord(String inputStreamName, InputRecord record, String errorName, String message);

    /** Pushes a row already made of column values (Java types of {@link Row}) into any stream. */
    void pushRow(String streamName, Object[] values, long rowtimeMillis);

    /**
     * Loads (or reloads) the rows of a reference table from an object in the table's record format, replacing
     * every row it had; a table not loaded yet has no rows. Records (or CSV rows) that do not parse go to
     * {@code error_stream}, named after the table, and are not loaded.
     *
     * @param tableName the table name, as given in its {@link ReferenceTable}
     * @param data the object, e.g. the S3 reference object's bytes
     * @return the number of rows loaded
     * @throws IllegalArgumentException for an unknown table
     */
    int loadReference(String tableName, byte[] data);

    /**
     * Tells the engine no row older than this ROWTIME will arrive, so windows can close without new
     * input (a rowtime bound).
     */
    void advanceTime(long rowtimeMillis);
}
