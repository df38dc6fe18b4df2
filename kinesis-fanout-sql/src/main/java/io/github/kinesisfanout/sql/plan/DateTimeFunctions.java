package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.type.SqlType;
import io.github.kinesisfanout.sql.type.Values;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Date and time functions of reference §4.7, all UTC: CURRENT_*, EXTRACT, FLOOR/CEIL TO unit, STEP by
 * an interval, TSDIFF, CHAR_TO_* / *_TO_CHAR, TO_TIMESTAMP, UNIX_TIMESTAMP and interval arithmetic.
 */
final class DateTimeFunctions {

    private DateTimeFunctions() {
    }

    static Evaluator of(Expr.Call call, List<Evaluator> args) {
        Evaluator a = args.isEmpty() ? null : args.get(0);
        Evaluator b = args.size() > 1 ? args.get(1) : null;
        String unit = call.param() instanceof String s ? s : null;
        return switch (call.op()) {
            case CURRENT_ROW_TIMESTAMP -> row -> Values.timestamp(row.context.nowMillis());
            case CURRENT_TIMESTAMP -> row -> Values.timestamp(row.context.startMillis());
            case CURRENT_DATE -> row -> Values.timestamp(row.context.startMillis()).toLocalDate();
            case CURRENT_TIME -> row -> Values.timestamp(row.context.startMillis()).toLocalTime();
            case EXTRACT -> NumericFunctions.unary(a, v -> extract(unit, v, call.args().get(0).type()));
            case FLOOR_TIME -> NumericFunctions.unary(a, v -> floor(unit, v));
            case CEIL_TIME -> NumericFunctions.unary(a, v -> {
                Object down = floor(unit, v);
                return down.equals(v) ? v : add(down, unit);
            });
            case STEP_TIME -> binary(a, b, (v, i) -> step(v, (Long) i));
            case TSDIFF -> binary(a, b, (x, y) -> Math.subtractExact(millis(y), millis(x)));
            case CHAR_TO_TIMESTAMP, CHAR_TO_DATE, CHAR_TO_TIME -> TimeFormats.parser(call, a, b);
            case TIMESTAMP_TO_CHAR, DATE_TO_CHAR, TIME_TO_CHAR -> TimeFormats.formatter(call, a, b);
            case TO_TIMESTAMP -> NumericFunctions.unary(a, v -> Values.timestamp(((Number) v).longValue()));
            case UNIX_TIMESTAMP -> NumericFunctions.unary(a, v -> Values.epochMillis((LocalDateTime) v));
            case DATETIME_PLUS_INTERVAL -> binary(a, b, (v, i) -> plus(v, (Long) i));
            case DATETIME_MINUS_INTERVAL -> binary(a, b, (v, i) -> plus(v, -(Long) i));
            case DATETIME_DIFF -> binary(a, b, (x, y) -> Math.subtractExact(millis(x), millis(y)));
            default -> throw new IllegalArgumentException(call.op().name());
        };
    }

    /** A function of two non-null values. */
    private interface Binary {
        Object apply(Object x, Object y);
    }

    private static Evaluator binary(Evaluator a, Evaluator b, Binary f) {
        return row -> {
            Object x = a.eval(row);
            Object y = x == null ? null : b.eval(row);
            return y == null ? null : f.apply(x, y);
        };
    }

    /** Epoch milliseconds of a TIMESTAMP, DATE, TIME (of day) or a BIGINT already in milliseconds. */
    static long millis(Object v) {
        if (v instanceof LocalDateTime t) {
            return Values.epochMillis(t);
        }
        if (v instanceof LocalDate d) {
            return d.toEpochDay() * 86_400_000L;
        }
        if (v instanceof LocalTime t) {
            return t.toNanoOfDay() / 1_000_000L;
        }
        return ((Number) v).longValue();
    }

    private static Object fromMillis(long millis, Object like) {
        if (like instanceof LocalDate) {
            return LocalDate.ofEpochDay(Math.floorDiv(millis, 86_400_000L));
        }
        if (like instanceof LocalTime) {
            return LocalTime.ofNanoOfDay(Math.floorMod(millis, 86_400_000L) * 1_000_000L);
        }
        return Values.timestamp(millis);
    }

    private static Object plus(Object v, long interval) {
        return fromMillis(millis(v) + interval, v);
    }

    /** STEP(ts BY INTERVAL): rounds down to a multiple of the interval counted from the epoch. */
    private static Object step(Object v, long width) {
        if (width <= 0) {
            throw EvaluationException.arithmetic("STEP interval must be positive");
        }
        long m = millis(v);
        return fromMillis(Math.floorDiv(m, width) * width, v);
    }

    private static Object extract(String unit, Object v, SqlType type) {
        if (type.kind() == SqlType.Kind.INTERVAL) {
            long ms = (Long) v;
            return switch (unit) {
                case "DAY" -> ms / 86_400_000L;
                case "HOUR" -> ms / 3_600_000L % 24;
                case "MINUTE" -> ms / 60_000L % 60;
                case "SECOND" -> ms / 1_000L % 60;
                default -> 0L;
            };
        }
        LocalDateTime t = v instanceof LocalDate d ? d.atStartOfDay()
                : v instanceof LocalTime time ? LocalDate.EPOCH.atTime(time) : (LocalDateTime) v;
        return (long) switch (unit) {
            case "YEAR" -> t.getYear();
            case "MONTH" -> t.getMonthValue();
            case "DAY" -> t.getDayOfMonth();
            case "HOUR" -> t.getHour();
            case "MINUTE" -> t.getMinute();
            default -> t.getSecond();
        };
    }

    private static Object floor(String unit, Object v) {
        if (v instanceof Long interval) {
            long width = switch (unit) {
                case "DAY" -> 86_400_000L;
                case "HOUR" -> 3_600_000L;
                case "MINUTE" -> 60_000L;
                default -> 1_000L;
            };
            return Math.floorDiv(interval, width) * width;
        }
        if (v instanceof LocalDate d) {
            return switch (unit) {
                case "YEAR" -> d.withDayOfYear(1);
                case "MONTH" -> d.withDayOfMonth(1);
                default -> d;
            };
        }
        if (v instanceof LocalTime t) {
            return switch (unit) {
                case "HOUR" -> t.truncatedTo(ChronoUnit.HOURS);
                case "MINUTE" -> t.truncatedTo(ChronoUnit.MINUTES);
                case "SECOND" -> t.truncatedTo(ChronoUnit.SECONDS);
                default -> LocalTime.MIDNIGHT;
            };
        }
        LocalDateTime t = (LocalDateTime) v;
        return switch (unit) {
            case "YEAR" -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "MONTH" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "DAY" -> t.truncatedTo(ChronoUnit.DAYS);
            case "HOUR" -> t.truncatedTo(ChronoUnit.HOURS);
            case "MINUTE" -> t.truncatedTo(ChronoUnit.MINUTES);
            default -> t.truncatedTo(ChronoUnit.SECONDS);
        };
    }

    private static Object add(Object v, String unit) {
        if (v instanceof Long interval) {
            return interval + switch (unit) {
                case "DAY" -> 86_400_000L;
                case "HOUR" -> 3_600_000L;
                case "MINUTE" -> 60_000L;
                default -> 1_000L;
            };
        }
        if (v instanceof LocalDate d) {
            return switch (unit) {
                case "YEAR" -> d.plusYears(1);
                case "MONTH" -> d.plusMonths(1);
                default -> d;
            };
        }
        if (v instanceof LocalTime t) {
            return switch (unit) {
                case "HOUR" -> t.plusHours(1);
                case "MINUTE" -> t.plusMinutes(1);
                case "SECOND" -> t.plusSeconds(1);
                default -> t;
            };
        }
        LocalDateTime t = (LocalDateTime) v;
        return switch (unit) {
            case "YEAR" -> t.plusYears(1);
            case "MONTH" -> t.plusMonths(1);
            case "DAY" -> t.plusDays(1);
            case "HOUR" -> t.plusHours(1);
            case "MINUTE" -> t.plusMinutes(1);
            default -> t.plusSeconds(1);
        };
    }
}
