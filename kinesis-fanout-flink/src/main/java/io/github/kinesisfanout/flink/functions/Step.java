package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.functions.ScalarFunction;

/** KDA_STEP(value, width): the value rounded down to a multiple of width, {@code floorDiv(value, width) * width}. */
public final class Step extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    /** The stepped value, or NULL for NULL; a width that is not positive throws. */
    public Long eval(Long value, Long width) {
        if (value == null || width == null) {
            return null;
        }
        if (width <= 0) {
            throw new ArithmeticException("STEP interval must be positive");
        }
        return Math.floorDiv(value, width) * width;
    }
}
