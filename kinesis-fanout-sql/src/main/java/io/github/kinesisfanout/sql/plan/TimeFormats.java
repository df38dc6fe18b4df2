package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.Op;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.TimeZone;
import io.github.kinesisfanout.sql.type.Values;

/**
 * CHAR_TO_TIMESTAMP/DATE/TIME and TIMESTAMP/DATE/TIME_TO_CHAR with Java {@link SimpleDateFormat}
 * patterns in UTC (reference §4.7): fields missing from the pattern default to 01 (month, day) or 0
 * (time); text that does not match the pattern yields NULL. A constant pattern is prepared once.
 */
final class TimeFormats {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private TimeFormats() {
    }

    static Evaluator parser(Expr.Call call, Evaluator format, Evaluator text) {
        Op op = call.op();
        FormatCache cache = new FormatCache();
        return row -> {
            Object f = format.eval(row);
            Object s = f == null ? null : text.eval(row);
            if (s == null) {
                return null;
            }
            SimpleDateFormat parser = cache.get((String) f);
            ParsePosition position = new ParsePosition(0);
            Date date = parser.parse((String) s, position);
            if (date == null || position.getIndex() != ((String) s).length()) {
                return null;
            }
            LocalDateTime t = Values.timestamp(date.getTime());
            return op == Op.CHAR_TO_DATE ? t.toLocalDate() : op == Op.CHAR_TO_TIME ? t.toLocalTime() : t;
        };
    }

    static Evaluator formatter(Expr.Call call, Evaluator format, Evaluator value) {
        FormatCache cache = new FormatCache();
        return row -> {
            Object f = format.eval(row);
            Object v = f == null ? null : value.eval(row);
            if (v == null) {
                return null;
            }
            LocalDateTime t = v instanceof LocalDate d ? d.atStartOfDay()
                    : v instanceof LocalTime time ? LocalDate.EPOCH.atTime(time) : (LocalDateTime) v;
            return cache.get((String) f).format(new Date(Values.epochMillis(t)));
        };
    }

    /** The last pattern used and its prepared format (a running instance is single-threaded). */
    private static final class FormatCache {
        private String pattern;
        private SimpleDateFormat format;

        SimpleDateFormat get(String p) {
            if (!p.equals(pattern)) {
                SimpleDateFormat f;
                try {
                    f = new SimpleDateFormat(p);
                } catch (IllegalArgumentException e) {
                    throw new EvaluationException("Function_Error", "Invalid date format '" + p + "': " + e.getMessage());
                }
                f.setTimeZone(UTC);
                f.setLenient(false);
                format = f;
                pattern = p;
            }
            return format;
        }
    }
}
