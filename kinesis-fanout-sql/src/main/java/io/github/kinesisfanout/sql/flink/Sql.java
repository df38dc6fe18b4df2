package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.type.SqlType;

/** Writes Flink SQL tokens: backticked identifiers, string literals and data types. */
final class Sql {

    private Sql() {
    }

    static String id(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String str(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The Flink data type of a dialect type: REAL is FLOAT, datetimes carry milliseconds. */
    static String type(SqlType t) {
        return switch (t.kind()) {
            case TINYINT, SMALLINT, BIGINT, BOOLEAN, DATE, DOUBLE -> t.kind().name();
            case INTEGER -> "INT";
            case REAL -> "FLOAT";
            case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
            case CHAR, VARCHAR, BINARY, VARBINARY -> t.kind().name() + "(" + t.precision() + ")";
            case TIME -> "TIME(3)";
            case TIMESTAMP -> "TIMESTAMP(3)";
            case INTERVAL -> "INTERVAL DAY TO SECOND(3)";
            case NULL -> "NULL";
            case ROW -> "ROW<" + String.join(", ", t.fields().stream().map(f -> id(f.name()) + " " + type(f.type()))
                    .toList()) + ">";
        };
    }

    /** An interval literal in the largest unit that divides it, e.g. {@code INTERVAL '60' SECOND}. */
    static String interval(long millis) {
        String sign = millis < 0 ? "-" : "";
        long m = Math.abs(millis);
        if (m % 1000 != 0) {
            String text = m / 1000 + "." + String.format("%03d", m % 1000);
            return "INTERVAL " + sign + "'" + text + "' SECOND" + precision(m / 1000);
        }
        long[] sizes = {SqlType.UNIT_MILLIS[0], SqlType.UNIT_MILLIS[1], SqlType.UNIT_MILLIS[2], SqlType.UNIT_MILLIS[3]};
        for (int i = 0; i < sizes.length; i++) {
            if (m % sizes[i] == 0 && (m > 0 || i == sizes.length - 1)) {
                long n = m / sizes[i];
                return "INTERVAL " + sign + "'" + n + "' " + SqlType.UNITS[i] + precision(n);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The leading field precision when the value has more than the default two digits. */
    private static String precision(long value) {
        int digits = String.valueOf(value).length();
        return digits > 2 ? "(" + digits + ")" : "";
    }
}
