package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.ScalarFunction;


/** KDA_DATE_TO_CHAR(pattern, d): the date formatted with the SimpleDateFormat pattern (at midnight UTC). */
public final class DateToChar extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private final DateFormats formats = new DateFormats();

    /** The formatted text, or NULL when an argument is NULL; the value may be a TIMESTAMP, DATE or TIME of any precision. */
    public String eval(String pattern, @DataTypeHint(inputGroup = InputGroup.ANY) Object value) {
        if (pattern == null || value == null) {
            return null;
        }
        return formats.format(pattern, value);
    }
}
