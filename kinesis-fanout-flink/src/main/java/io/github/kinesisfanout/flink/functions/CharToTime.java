package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.LocalDateTime;
import java.time.LocalTime;

/** KDA_CHAR_TO_TIME(pattern, text): the time the text denotes under the SimpleDateFormat pattern, NULL when it does not match (declared TIME(0), the only TIME the Flink 1.19 planner runs; milliseconds are kept). */
public final class CharToTime extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final DateFormats formats = new DateFormats();

    /** The parsed value, or NULL when an argument is NULL or the text does not match. */
    public @DataTypeHint("TIME(0)") LocalTime eval(String pattern, String text) {
        if (pattern == null || text == null) {
            return null;
        }
        LocalDateTime t = formats.parse(pattern, text);
        return t == null ? null : t.toLocalTime();
    }
}
