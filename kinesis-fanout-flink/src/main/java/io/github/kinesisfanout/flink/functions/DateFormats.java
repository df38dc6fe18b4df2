package io.github.kinesisfanout.flink.functions;

import java.io.Serializable;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.TimeZone;

/**
 * The engine's {@link SimpleDateFormat} handling in UTC, strict (not lenient), keeping the last pattern
 * prepared: fields missing from a pattern default to 01 (month, day) or 0 (time); text that does not
 * match the whole pattern parses to NULL.
 */
final class DateFormats implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private transient String pattern;
    private transient SimpleDateFormat format;

    /** The timestamp {@code text} denotes under {@code pattern}, or null when it does not match. */
    LocalDateTime parse(String pattern, String text) {
        ParsePosition position = new ParsePosition(0);
        Date date = get(pattern).parse(text, position);
        if (date == null || position.getIndex() != text.length()) {
            return null;
        }
        return Times.timestamp(date.getTime());
    }

    /** The text of a TIMESTAMP, DATE (at midnight) or TIME (on 1970-01-01) under {@code pattern}. */
    String format(String pattern, Object value) {
        LocalDateTime t;
        if (value instanceof LocalDate) {
            t = ((LocalDate) value).atStartOfDay();
        } else if (value instanceof LocalTime) {
            t = LocalDate.ofEpochDay(0).atTime((LocalTime) value);
        } else {
            t = (LocalDateTime) value;
        }
        return get(pattern).format(new Date(Times.epochMillis(t)));
    }

    private SimpleDateFormat get(String p) {
        if (!p.equals(pattern)) {
            SimpleDateFormat f;
            try {
                f = new SimpleDateFormat(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid date format '" + p + "': " + e.getMessage(), e);
            }
            f.setTimeZone(UTC);
            f.setLenient(false);
            format = f;
            pattern = p;
        }
        return format;
    }
}
