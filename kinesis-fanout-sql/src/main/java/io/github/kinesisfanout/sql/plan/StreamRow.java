package io.github.kinesisfanout.sql.plan;

/**
 * A row flowing through the engine: its column values (Java types of {@code Row}), its ROWTIME and,
 * for input streams, its APPROXIMATE_ARRIVAL_TIME (epoch milliseconds).
 */
public final class StreamRow {

    public final Object[] values;
    public final long rowtime;
    public final long arrival;
    public final RunContext context;

    public StreamRow(Object[] values, long rowtime, long arrival, RunContext context) {
        this.values = values;
        this.rowtime = rowtime;
        this.arrival = arrival;
        this.context = context;
    }
}
