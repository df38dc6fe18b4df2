package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.plan.EvaluationException;
import io.github.kinesisfanout.sql.plan.Numbers;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Input coercion of reference §3.2: a JSON (or CSV) value into a column's SQL type. Failures are
 * coercion errors; text into CHAR/VARCHAR is silently truncated to the column width.
 */
final class Coercion {

    private Coercion() {
    }

    /** A JSON number into a column; {@code text} is its JSON text (null: use the value's own text). */
    static Object fromNumber(BigDecimal v, String text, SqlType type, String column) {
        if (type.isNumeric()) {
            return exact(v, text, type, column);
        }
        return switch (type.kind()) {
            case BOOLEAN -> v.signum() != 0;
            case CHAR, VARCHAR -> text(display(v, text), type);
            default -> throw mismatch("number " + display(v, text), type, column);
        };
    }

    /** A JSON string into a column. */
    static Object fromString(String s, SqlType type, String column) {
        if (type.isNumeric()) {
            Object plain = plainNumber(s, type);
            if (plain != null) {
                return plain;
            }
            BigDecimal v;
            try {
                v = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw CoercionException.coercion("Cannot coerce '" + abbreviate(s) + "' to " + type + " for column '"
                        + column + "'");
            }
            return exact(v, s, type, column);
        }
        return switch (type.kind()) {
            case BOOLEAN -> s.trim().equalsIgnoreCase("true");
            case CHAR, VARCHAR -> text(s, type);
            case BINARY, VARBINARY -> binary(s, type, column);
            case DATE, TIME, TIMESTAMP -> datetime(s, type, column);
            default -> throw mismatch("string", type, column);
        };
    }

    /**
     * Text that is a plain whole number for an integral column, or a plain decimal a DECIMAL column
     * takes as it is, read without a BigDecimal (CSV fields are all text); null for anything else,
     * errors included, which the general path decides.
     */
    private static Object plainNumber(String s, SqlType type) {
        if (type.kind() == SqlType.Kind.DECIMAL) {
            return PlainDecimal.read(s, type);
        }
        if (!type.isIntegral()) {
            return null;
        }
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n == i || n - i > 18) {
            return null;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        try {
            return Numbers.integral(s.charAt(0) == '-' ? -v : v, type.kind());
        } catch (EvaluationException e) {
            return null;
        }
    }

    /** A JSON true/false into a column. */
    static Object fromBoolean(boolean b, SqlType type, String column) {
        if (type.isNumeric()) {
            return exact(b ? BigDecimal.ONE : BigDecimal.ZERO, b ? "1" : "0", type, column);
        }
        return switch (type.kind()) {
            case BOOLEAN -> b;
            case CHAR, VARCHAR -> text(b ? "true" : "false", type);
            case BINARY, VARBINARY -> new byte[] {(byte) (b ? 1 : 0)};
            default -> throw mismatch("boolean", type, column);
        };
    }

    /** A JSON array or object (its raw text) into a column: only CHAR/VARCHAR take it. */
    static Object fromStructure(String json, SqlType type, String column) {
        if (type.isCharacter()) {
            return text(json, type);
        }
        throw mismatch(json.startsWith("[") ? "array" : "object", type, column);
    }

    private static String display(BigDecimal v, String text) {
        return text == null ? v.toString() : text;
    }

    private static Object exact(BigDecimal v, String text, SqlType type, String column) {
        try {
            if (type.isExact()) {
                decideByExponent(v, type.isIntegral() ? 19 : type.precision() - type.scale(), type.scale(), text, type,
                        column);
            }
            if (type.isIntegral()) {
                BigDecimal whole = v.setScale(0, RoundingMode.UNNECESSARY);
                // -9223372036854775808 is a BIGINT too
                if (whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                        || whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw outOfRange(display(v, text), type, column);
                }
                return Numbers.integral(whole.longValue(), type.kind());
            }
            if (type.kind() == SqlType.Kind.DECIMAL) {
                BigDecimal scaled = v.setScale(type.scale(), RoundingMode.UNNECESSARY);
                if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
                    throw outOfRange(display(v, text), type, column);
                }
                return scaled;
            }
            double d = v.doubleValue();
            if (type.kind() == SqlType.Kind.REAL) {
                float f = (float) d;
                if (Float.isInfinite(f)) {
                    throw outOfRange(display(v, text), type, column);
                }
                return f;
            }
            if (Double.isInfinite(d)) {
                throw outOfRange(text, type, column);
            }
            return d;
        } catch (ArithmeticException e) {
            throw CoercionException.coercion("Value " + abbreviate(display(v, text)) + " loses precision in " + type
                    + " column '" + column + "'");
        } catch (EvaluationException e) {
            throw outOfRange(display(v, text), type, column);
        }
    }

    /**
     * Fails a number whose exponent alone decides the outcome before {@code setScale} would compute a
     * power of ten as long as the exponent ({@code 1e99999999} takes hours): a whole number with more
     * integer digits than the column holds is out of range, a number with more fraction digits than the
     * column's scale (after trailing zeros) loses precision; the same errors the scaling would give.
     */
    private static void decideByExponent(BigDecimal v, int integerDigits, int scale, String text, SqlType type,
            String column) {
        if (v.signum() == 0) {
            return;
        }
        if (v.scale() < 0 && (long) v.precision() - v.scale() > integerDigits) {
            throw outOfRange(display(v, text), type, column);
        }
        if (v.scale() > scale + 18 && v.stripTrailingZeros().scale() > scale) {
            throw new ArithmeticException("Rounding necessary");
        }
    }

    private static String text(String s, SqlType type) {
        if (s.length() > type.precision()) {
            return s.substring(0, type.precision());
        }
        if (type.kind() == SqlType.Kind.CHAR && s.length() < type.precision()) {
            return s + " ".repeat(type.precision() - s.length());
        }
        return s;
    }

    /** Binary input must be a hex literal such as {@code X'3F67'}. */
    private static byte[] binary(String s, SqlType type, String column) {
        String t = s.trim();
        if (t.length() < 3 || (t.charAt(0) != 'X' && t.charAt(0) != 'x') || t.charAt(1) != '\''
                || t.charAt(t.length() - 1) != '\'' || (t.length() - 3) % 2 != 0) {
            throw CoercionException.coercion("Cannot coerce '" + abbreviate(s) + "' to " + type + " for column '"
                    + column + "': expected a hex literal such as X'3F67'");
        }
        byte[] out = new byte[(t.length() - 3) / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(t.charAt(2 + 2 * i), 16);
            int lo = Character.digit(t.charAt(3 + 2 * i), 16);
            if (hi < 0 || lo < 0) {
                throw CoercionException.coercion("Cannot coerce '" + abbreviate(s) + "' to " + type + " for column '"
                        + column + "': expected a hex literal such as X'3F67'");
            }
            out[i] = (byte) (hi * 16 + lo);
        }
        if (out.length > type.precision()) {
            throw outOfRange(s, type, column);
        }
        return out;
    }

    /**
     * Recognised datetime forms: {@code 1992-02-14}, {@code 1992-02-14 18:35:44[.fraction]} (also with
     * {@code T} and a trailing {@code Z}) and, for TIME, {@code 18:35:44[.fraction]}.
     */
    private static Object datetime(String s, SqlType type, String column) {
        String t = s.trim();
        try {
            if (type.kind() == SqlType.Kind.TIME) {
                return LocalTime.parse(t).withNano(LocalTime.parse(t).getNano() / 1_000_000 * 1_000_000);
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                t = t.substring(0, t.length() - 1);
            }
            LocalDateTime value = t.length() == 10 ? LocalDate.parse(t).atStartOfDay()
                    : LocalDateTime.parse(t.replace(' ', 'T'));
            value = value.withNano(value.getNano() / 1_000_000 * 1_000_000);
            return type.kind() == SqlType.Kind.DATE ? value.toLocalDate() : value;
        } catch (DateTimeParseException e) {
            throw CoercionException.coercion("Cannot coerce '" + abbreviate(s) + "' to " + type + " for column '"
                    + column + "'");
        }
    }

    private static CoercionException mismatch(String what, SqlType type, String column) {
        return CoercionException.coercion("Cannot coerce a JSON " + what + " to " + type + " for column '" + column + "'");
    }

    private static CoercionException outOfRange(String text, SqlType type, String column) {
        return CoercionException.coercion("Value " + abbreviate(text) + " is out of range for " + type + " column '"
                + column + "'");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
