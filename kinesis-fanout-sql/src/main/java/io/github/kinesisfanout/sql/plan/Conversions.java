package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.type.SqlType;
import io.github.kinesisfanout.sql.type.SqlType.Kind;
import io.github.kinesisfanout.sql.type.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * CAST and the implicit conversion of assignments (reference §4.3). A value that does not convert
 * (unparsable text, too long for the target) is an error of the row ({@code Cast_Error}).
 */
public final class Conversions {

    private static final DateTimeFormatter CAST_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CAST_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Conversions() {
    }

    static Evaluator cast(Evaluator arg, SqlType from, SqlType to, boolean explicit) {
        UnaryOperator<Object> convert = converter(from, to);
        if (convert == null) {
            return arg;
        }
        return row -> {
            Object v = arg.eval(row);
            return v == null ? null : convert.apply(v);
        };
    }

    /** The conversion of non-null values from one type to another; null when none is needed. */
    public static UnaryOperator<Object> converter(SqlType from, SqlType to) {
        if (from.equals(to) || from.isNull()) {
            return null;
        }
        if (to.isCharacter()) {
            if (from.isCharacter() && from.precision() <= to.precision() && to.kind() == Kind.VARCHAR) {
                return null;
            }
            boolean pad = to.kind() == Kind.CHAR;
            int length = to.precision();
            return v -> fit(Values.text(v), length, pad, to);
        }
        if (to.isNumeric()) {
            if (from.isCharacter()) {
                return v -> Numbers.convert(parseNumber((String) v, to), to);
            }
            if (from.kind() == Kind.INTERVAL) {
                // An interval as a number counts its leading unit; whole-number targets truncate toward zero.
                long unit = SqlType.UNIT_MILLIS[from.precision()];
                if (to.isIntegral()) {
                    return v -> Numbers.integral((Long) v / unit, to.kind());
                }
                return v -> Numbers.convert(BigDecimal.valueOf((Long) v).divide(BigDecimal.valueOf(unit), 3,
                        RoundingMode.DOWN), to);
            }
            if (to.kind() == Kind.DECIMAL && from.kind() == Kind.DECIMAL && from.scale() == to.scale()
                    && from.precision() <= to.precision()) {
                return null;
            }
            if (from.isIntegral() && to.isIntegral() && from.kind().ordinal() <= to.kind().ordinal()) {
                return v -> Numbers.integral(((Number) v).longValue(), to.kind());
            }
            return v -> Numbers.convert(v, to);
        }
        return switch (to.kind()) {
            case BOOLEAN -> v -> parseBoolean((String) v);
            case TIMESTAMP -> switch (from.kind()) {
                case DATE -> v -> ((LocalDate) v).atStartOfDay();
                case TIME -> v -> LocalDate.EPOCH.atTime((LocalTime) v);
                default -> v -> parse(() -> LocalDateTime.parse(((String) v).trim(), CAST_TIMESTAMP), v, to);
            };
            case DATE -> from.kind() == Kind.TIMESTAMP ? v -> ((LocalDateTime) v).toLocalDate()
                    : v -> parse(() -> LocalDate.parse(((String) v).trim()), v, to);
            case TIME -> from.kind() == Kind.TIMESTAMP ? v -> ((LocalDateTime) v).toLocalTime()
                    : v -> parse(() -> LocalTime.parse(((String) v).trim(), CAST_TIME), v, to);
            case INTERVAL -> from.isCharacter()
                    ? v -> parseNumber((String) v, SqlType.BIGINT).longValue() * SqlType.UNIT_MILLIS[to.precision()]
                    : null;
            case BINARY, VARBINARY -> v -> {
                byte[] bytes = (byte[]) v;
                if (bytes.length > to.precision()) {
                    throw EvaluationException.cast("Binary value of " + bytes.length + " bytes does not fit in " + to);
                }
                return bytes;
            };
            default -> v -> {
                throw EvaluationException.cast("Cannot convert " + from + " to " + to);
            };
        };
    }

    /** Text into a CHAR/VARCHAR of a given length: too long is an error, CHAR is blank-padded. */
    static String fit(String s, int length, boolean pad, SqlType to) {
        if (s.length() > length) {
            throw EvaluationException.cast("Value '" + abbreviate(s) + "' is too long for " + to);
        }
        if (pad && s.length() < length) {
            return s + " ".repeat(length - s.length());
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static BigDecimal parseNumber(String s, SqlType to) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw EvaluationException.cast("Cannot convert '" + abbreviate(s) + "' to " + to);
        }
    }

    private static Boolean parseBoolean(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.equals("TRUE")) {
            return Boolean.TRUE;
        }
        if (t.equals("FALSE")) {
            return Boolean.FALSE;
        }
        throw EvaluationException.cast("Cannot convert '" + abbreviate(s) + "' to BOOLEAN");
    }

    /** A parse that may fail. */
    private interface Parse {
        Object get();
    }

    private static Object parse(Parse parse, Object v, SqlType to) {
        try {
            return parse.get();
        } catch (DateTimeParseException e) {
            throw EvaluationException.cast("Cannot convert '" + abbreviate(v.toString()) + "' to " + to);
        }
    }
}
