package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.LogFormat;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * Evaluates a log parsing function (reference §4.7) into its ROW value, an {@code Object[]} of the fields
 * converted to their types: NULL when the input is NULL or (REGEX_LOG_PARSE) does not match; a field text that
 * does not convert to its type fails the row (error_stream), as a CAST would.
 */
final class LogParsers {

    private LogParsers() {
    }

    static Evaluator of(Expr.Call call, Evaluator input) {
        if (call.param() instanceof LogFormat.Syslog) {
            return syslog(input);
        }
        List<SqlType.Field> fields = call.type().fields();
        @SuppressWarnings("unchecked")
        UnaryOperator<Object>[] converters = new UnaryOperator[fields.size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = Conversions.converter(SqlType.VARCHAR_MAX, fields.get(i).type());
        }
        Splitter splitter = splitter((LogFormat) call.param(), converters.length);
        return row -> {
            Object v = input.eval(row);
            if (v == null) {
                return null;
            }
            String[] texts = splitter.split((String) v);
            if (texts == null) {
                return null;
            }
            Object[] values = new Object[converters.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = texts[i] == null ? null : converters[i].apply(texts[i]);
            }
            return values;
        };
    }

    private static final java.util.regex.Pattern SYSLOG = java.util.regex.Pattern.compile(
            "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (.*)",
            java.util.regex.Pattern.DOTALL);
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");

    /** SYS_LOG_PARSE: NULL when the line does not start with a valid {@code Mon DD HH:MM:SS }. */
    private static Evaluator syslog(Evaluator input) {
        return row -> {
            Object v = input.eval(row);
            if (v == null) {
                return null;
            }
            Matcher m = SYSLOG.matcher((String) v);
            if (!m.matches()) {
                return null;
            }
            int year = java.time.Instant.ofEpochMilli(row.rowtime).atZone(java.time.ZoneOffset.UTC).getYear();
            try {
                java.time.LocalDateTime time = java.time.LocalDateTime.of(year, MONTHS.indexOf(m.group(1)) + 1,
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)));
                return new Object[] {time, m.group(6)};
            } catch (java.time.DateTimeException e) {
                return null;
            }
        };
    }

    private static Splitter splitter(LogFormat format, int n) {
        if (format instanceof LogFormat.Regex || format instanceof LogFormat.W3c) {
            java.util.regex.Pattern pattern = format instanceof LogFormat.Regex regex ? regex.pattern()
                    : ((LogFormat.W3c) format).pattern();
            return s -> {
                Matcher m = pattern.matcher(s);
                if (!m.matches()) {
                    return null;
                }
                String[] out = new String[m.groupCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = m.group(i + 1);
                }
                return out;
            };
        }
        if (format instanceof LogFormat.FastRegex fast) {
            return s -> FastRegexMatcher.match(fast, s);
        }
        if (format instanceof LogFormat.Delimited d) {
            if (d.escape().isEmpty() && d.quote().isEmpty()) {
                return s -> split(s, d.delimiter(), n);
            }
            return s -> split(s, d, n);
        }
        List<LogFormat.FixedColumn> columns = ((LogFormat.Fixed) format).columns();
        return s -> cut(s, columns);
    }

    /** The texts of the fields, null entries for missing ones; null when the whole value is NULL. */
    private interface Splitter {
        String[] split(String s);
    }

    /** Splits at the delimiter; the last field keeps the rest of the string, missing fields are NULL. */
    static String[] split(String s, String delimiter, int n) {
        String[] out = new String[n];
        int from = 0;
        for (int i = 0; i < n; i++) {
            int at = i == n - 1 ? -1 : s.indexOf(delimiter, from);
            if (at < 0) {
                out[i] = s.substring(from);
                break;
            }
            out[i] = s.substring(from, at);
            from = at + delimiter.length();
        }
        return out;
    }

    /**
     * Splits at the delimiter outside quotes and not after the escape character; escapes and quotes are dropped,
     * the last field keeps the rest of the string (its delimiters too), missing fields are NULL.
     */
    static String[] split(String s, LogFormat.Delimited d, int n) {
        String[] out = new String[n];
        String delimiter = d.delimiter();
        int escape = d.escape().isEmpty() ? -1 : d.escape().charAt(0);
        int begin = d.quote().isEmpty() ? -1 : d.quote().charAt(0);
        int end = d.quote().isEmpty() ? -1 : d.quote().charAt(d.quote().length() - 1);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int f = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == escape && i + 1 < s.length()) {
                field.append(s.charAt(i + 1));
                i += 2;
            } else if (quoted) {
                if (c == end) {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
            } else if (c == begin) {
                quoted = true;
                i++;
            } else if (f < n - 1 && s.startsWith(delimiter, i)) {
                out[f++] = field.toString();
                field.setLength(0);
                i += delimiter.length();
            } else {
                field.append(c);
                i++;
            }
        }
        out[f] = field.toString();
        return out;
    }

    /** Cuts the fixed-width fields; a field starting past the end is NULL, one running past it is shortened. */
    static String[] cut(String s, List<LogFormat.FixedColumn> columns) {
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            LogFormat.FixedColumn c = columns.get(i);
            if (c.start() < s.length()) {
                int end = c.length() < 0 ? s.length() : Math.min(s.length(), c.start() + c.length());
                out[i] = s.substring(c.start(), end);
            }
        }
        return out;
    }
}
