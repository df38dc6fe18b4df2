package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.LocalDateTime;

/** KDA_TO_TIMESTAMP(millis): the UTC timestamp of epoch milliseconds. */
public final class ToTimestamp extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    /** The timestamp, or NULL for NULL. */
    public @DataTypeHint("TIMESTAMP(3)") LocalDateTime eval(Long millis) {
        return millis == null ? null : Times.timestamp(millis);
    }
}
