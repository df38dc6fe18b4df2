package io.github.kinesisfanout.sql.type;

import java.util.List;

/**
 * A SQL type of the dialect (reference §4.3): its kind, and precision/scale or length where it has one.
 *
 * @param kind the kind
 * @param precision DECIMAL precision or CHAR/VARCHAR/BINARY length; 0 when not applicable
 * @param scale DECIMAL scale; 0 otherwise
 * @param fields the named fields of a ROW (the result of a log parsing function); empty otherwise
 */
public record SqlType(Kind kind, int precision, int scale, List<Field> fields) {

    public SqlType {
        fields = List.copyOf(fields);
    }

    public SqlType(Kind kind, int precision, int scale) {
        this(kind, precision, scale, List.of());
    }

    /** A named field of a ROW type. */
    public record Field(String name, SqlType type) {
    }

    /** A ROW type with these fields, e.g. {@code ROW(COLUMN1 VARCHAR(1024), COLUMN2 VARCHAR(1024))}. */
    public static SqlType row(List<Field> fields) {
        return new SqlType(Kind.ROW, 0, 0, fields);
    }

    /** The index of the field of this ROW with this name (exactly, else the only one equal ignoring case), or -1. */
    public int fieldIndex(String name) {
        int found = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                found = found == -1 ? i : -2;
            }
        }
        return Math.max(found, -1);
    }

    /** The largest DECIMAL precision: "up to 19 significant digits" (reference §4.3). */
    public static final int MAX_DECIMAL_PRECISION = 19;
    /** The largest CHAR/VARCHAR length: 0 &lt; n &lt; 65535. */
    public static final int MAX_CHAR_LENGTH = 65534;

    public static final SqlType TINYINT = new SqlType(Kind.TINYINT, 3, 0);
    public static final SqlType SMALLINT = new SqlType(Kind.SMALLINT, 5, 0);
    public static final SqlType INTEGER = new SqlType(Kind.INTEGER, 10, 0);
    public static final SqlType BIGINT = new SqlType(Kind.BIGINT, 19, 0);
    public static final SqlType REAL = new SqlType(Kind.REAL, 0, 0);
    public static final SqlType DOUBLE = new SqlType(Kind.DOUBLE, 0, 0);
    public static final SqlType BOOLEAN = new SqlType(Kind.BOOLEAN, 0, 0);
    public static final SqlType DATE = new SqlType(Kind.DATE, 0, 0);
    public static final SqlType TIME = new SqlType(Kind.TIME, 0, 0);
    public static final SqlType TIMESTAMP = new SqlType(Kind.TIMESTAMP, 0, 0);
    /** A day-time interval; precision and scale hold its leading and trailing unit (0 DAY ... 3 SECOND). */
    public static final SqlType INTERVAL = new SqlType(Kind.INTERVAL, 0, 3);
    public static final SqlType NULL = new SqlType(Kind.NULL, 0, 0);
    /** VARCHAR(65535): the result type of functions such as REGEX_REPLACE. */
    public static final SqlType VARCHAR_MAX = new SqlType(Kind.VARCHAR, 65535, 0);

    /** Day-time interval units, by their code in an INTERVAL type. */
    public static final String[] UNITS = {"DAY", "HOUR", "MINUTE", "SECOND"};
    /** Milliseconds per interval unit, by code. */
    public static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};

    public static SqlType interval(int leading, int trailing) {
        return new SqlType(Kind.INTERVAL, leading, trailing);
    }

    /** The kinds of SQL types. */
    public enum Kind {
        TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, BOOLEAN, CHAR, VARCHAR, BINARY,
        VARBINARY, DATE, TIME, TIMESTAMP, INTERVAL, NULL, ROW
    }

    public static SqlType decimal(int precision, int scale) {
        return new SqlType(Kind.DECIMAL, precision, scale);
    }

    public static SqlType varchar(int length) {
        return new SqlType(Kind.VARCHAR, length, 0);
    }

    public static SqlType character(int length) {
        return new SqlType(Kind.CHAR, length, 0);
    }

    public boolean isIntegral() {
        return kind == Kind.TINYINT || kind == Kind.SMALLINT || kind == Kind.INTEGER || kind == Kind.BIGINT;
    }

    /** Integral or DECIMAL. */
    public boolean isExact() {
        return isIntegral() || kind == Kind.DECIMAL;
    }

    public boolean isApproximate() {
        return kind == Kind.REAL || kind == Kind.DOUBLE;
    }

    public boolean isNumeric() {
        return isExact() || isApproximate();
    }

    public boolean isCharacter() {
        return kind == Kind.CHAR || kind == Kind.VARCHAR;
    }

    public boolean isBinary() {
        return kind == Kind.BINARY || kind == Kind.VARBINARY;
    }

    public boolean isDatetime() {
        return kind == Kind.DATE || kind == Kind.TIME || kind == Kind.TIMESTAMP;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The type as written in SQL, e.g. {@code DECIMAL(5,2)}, {@code VARCHAR(200)}, {@code INTEGER}. */
    @Override
    public String toString() {
        return switch (kind) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case CHAR, VARCHAR, BINARY, VARBINARY -> kind.name() + "(" + precision + ")";
            case INTERVAL -> precision == scale ? "INTERVAL " + UNITS[precision]
                    : "INTERVAL " + UNITS[precision] + " TO " + UNITS[scale];
            case ROW -> "ROW(" + String.join(", ", fields.stream().map(f -> f.name() + " " + f.type()).toList()) + ")";
            default -> kind.name();
        };
    }
}
