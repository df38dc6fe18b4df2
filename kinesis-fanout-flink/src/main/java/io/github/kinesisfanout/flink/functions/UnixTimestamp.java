package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.LocalDateTime;

/** KDA_UNIX_TIMESTAMP(ts): milliseconds since 1970-01-01T00:00Z of the timestamp read as UTC. */
public final class UnixTimestamp extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    /** The epoch milliseconds, or NULL for NULL. */
    public Long eval(@DataTypeHint("TIMESTAMP(3)") LocalDateTime ts) {
        return ts == null ? null : Times.epochMillis(ts);
    }
}
