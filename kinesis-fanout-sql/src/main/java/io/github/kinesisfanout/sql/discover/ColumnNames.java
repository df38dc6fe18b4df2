package io.github.kinesisfanout.sql.discover;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Column names as DiscoverInputSchema makes them: source names kept where possible; unsupported
 * characters stripped, reserved words and names starting with a digit prefixed with {@code COL_},
 * at most 100 characters, and {@code COL_<position>} when nothing usable remains (AWS examples:
 * {@code USER} -> {@code COL_USER}, {@code USER@DOMAIN} -> {@code COL_USERDOMAIN}, {@code @@} -> {@code COL_0}).
 */
final class ColumnNames {

    private static final Set<String> RESERVED = Set.of("ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "AT", "BETWEEN",
            "BIGINT", "BINARY", "BOOLEAN", "BOTH", "BY", "CASE", "CAST", "CHAR", "CHARACTER", "CHECK", "COLUMN",
            "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_ROW",
            "CURSOR", "DATE", "DAY", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DOUBLE", "DROP", "ELSE",
            "END", "ESCAPE", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FLOAT", "FOR", "FROM", "FULL", "FUNCTION",
            "GROUP", "HAVING", "HOUR", "IN", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO",
            "IS", "JOIN", "LEFT", "LIKE", "LIMIT", "LOCAL", "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "NUMERIC",
            "OF", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PUMP", "RANGE", "REAL", "RIGHT", "ROW",
            "ROWS", "ROWTIME", "SECOND", "SELECT", "SET", "SMALLINT", "STREAM", "TABLE", "THEN", "TIME",
            "TIMESTAMP", "TINYINT", "TO", "TRUE", "UNION", "UNIQUE", "UPDATE", "USER", "USING", "VALUE", "VALUES",
            "VARCHAR", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR");

    private final Set<String> used = new HashSet<>();

    /** A usable, unique name for the column at {@code position} (0-based) named {@code source}. */
    String name(String source, int position) {
        String stripped = source.replaceAll("[^A-Za-z0-9_]", "");
        boolean changed = !stripped.equals(source);
        String name;
        if (stripped.isEmpty()) {
            name = "COL_" + position;
        } else if (changed || Character.isDigit(stripped.charAt(0))
                || RESERVED.contains(stripped.toUpperCase(Locale.ROOT))) {
            name = "COL_" + stripped;
        } else {
            name = stripped;
        }
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        String unique = name;
        for (int n = 2; !used.add(unique); n++) {
            unique = name + "_" + n;
        }
        return unique;
    }
}
