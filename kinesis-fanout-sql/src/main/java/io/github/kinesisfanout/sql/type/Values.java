package io.github.kinesisfanout.sql.type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Conversions between runtime values and text, and between TIMESTAMP values and epoch milliseconds.
 * Text forms: TIMESTAMP {@code yyyy-MM-dd HH:mm:ss.SSS}, DATE {@code yyyy-MM-dd}, TIME {@code HH:mm:ss.SSS},
 * DECIMAL plain digits with its scale, BOOLEAN {@code TRUE}/{@code FALSE}, binary as upper-case hex.
 */
public final class Values {

    public static final DateTimeFormatter TIMESTAMP_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Values() {
    }

    public static LocalDateTime timestamp(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    public static long epochMillis(LocalDateTime timestamp) {
        return timestamp.toEpochSecond(ZoneOffset.UTC) * 1000L + timestamp.getNano() / 1_000_000;
    }

    /** The text form of a value (CAST to VARCHAR, CSV output); null for NULL. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof LocalDateTime t) {
            return TIMESTAMP_FORMAT.format(t);
        }
        if (value instanceof LocalTime t) {
            return TIME_FORMAT.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        return value.toString();
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
