package io.github.kinesisfanout.sql.analyze;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a log parsing function (reference §4.7) splits its string into the fields of its ROW result; the
 * parameter of an {@link Op#LOG_PARSE} call.
 */
public sealed interface LogFormat {

    /**
     * REGEX_LOG_PARSE: the whole string must match; group i gives field i.
     *
     * @param pattern the compiled Java regular expression
     */
    record Regex(Pattern pattern) implements LogFormat {
    }

    /**
     * VARIABLE_COLUMN_LOG_PARSE: fields separated by a delimiter string; missing trailing fields are NULL,
     * text after the last field stays in it.
     *
     * @param delimiter the delimiter string
     */
    record Delimited(String delimiter) implements LogFormat {
    }

    /**
     * FIXED_COLUMN_LOG_PARSE: each field at a 0-based position, for a length or to the end of the string.
     *
     * @param columns one per field, in order
     */
    record Fixed(List<FixedColumn> columns) implements LogFormat {
    }

    /**
     * SYS_LOG_PARSE: {@code Mon DD HH:MM:SS text} (RFC 3164's timestamp, English month abbreviations, the day
     * space-padded or not); the timestamp gets the year of the row's ROWTIME, as the line has none.
     */
    record Syslog() implements LogFormat {
    }

    /**
     * A fixed-width field.
     *
     * @param start the 0-based start position
     * @param length the length, or -1 for the rest of the string
     */
    record FixedColumn(int start, int length) {
    }
}
