package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.LocalDateTime;

/** KDA_CHAR_TO_TIMESTAMP(pattern, text): the timestamp the text denotes under the SimpleDateFormat pattern (UTC), NULL when it does not match. */
public final class CharToTimestamp extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final DateFormats formats = new DateFormats();

    /** The parsed value, or NULL when an argument is NULL or the text does not match. */
    public @DataTypeHint("TIMESTAMP(3)") LocalDateTime eval(String pattern, String text) {
        if (pattern == null || text == null) {
            return null;
        }
        LocalDateTime t = formats.parse(pattern, text);
        return t == null ? null : t;
    }
}
