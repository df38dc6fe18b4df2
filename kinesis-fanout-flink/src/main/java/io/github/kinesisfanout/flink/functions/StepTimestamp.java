package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.LocalDateTime;

/** KDA_STEP_TIMESTAMP(ts, widthMillis): the timestamp rounded down to a multiple of widthMillis since the epoch (UTC). */
public final class StepTimestamp extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    /** The stepped timestamp, or NULL for NULL; a width that is not positive throws. */
    public @DataTypeHint("TIMESTAMP(3)") LocalDateTime eval(@DataTypeHint("TIMESTAMP(3)") LocalDateTime ts,
            Long widthMillis) {
        if (ts == null || widthMillis == null) {
            return null;
        }
        if (widthMillis <= 0) {
            throw new ArithmeticException("STEP interval must be positive");
        }
        return Times.timestamp(Math.floorDiv(Times.epochMillis(ts), widthMillis) * widthMillis);
    }
}
