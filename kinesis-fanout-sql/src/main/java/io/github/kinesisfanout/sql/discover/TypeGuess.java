package io.github.kinesisfanout.sql.discover;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The SQL type of one discovered column, widened with every sampled value: the smallest of
 * TINYINT/SMALLINT/INTEGER/BIGINT that holds every whole number, REAL for fractions, BOOLEAN for
 * booleans, and otherwise VARCHAR(n) with n the smallest power of two at least the longest value
 * (minimum 4), as AWS examples show (2 -> 4, 9 -> 16, 35 -> 64).
 */
final class TypeGuess {

    private enum Kind { NONE, BOOLEAN, INTEGRAL, REAL, TEXT }

    private Kind kind = Kind.NONE;
    private BigInteger min = BigInteger.ZERO;
    private BigInteger max = BigInteger.ZERO;
    private int longest;

    /** Adds a value: a JSON scalar's text and what it is (number, boolean or text). */
    void add(String text, boolean isNumber, boolean isBoolean) {
        longest = Math.max(longest, text.length());
        Kind seen;
        if (isBoolean) {
            seen = Kind.BOOLEAN;
        } else if (isNumber) {
            BigDecimal number = new BigDecimal(text);
            if (number.stripTrailingZeros().scale() <= 0 && !text.contains(".") && !text.contains("e") && !text.contains("E")) {
                BigInteger whole = number.toBigIntegerExact();
                min = kind == Kind.INTEGRAL ? min.min(whole) : whole;
                max = kind == Kind.INTEGRAL ? max.max(whole) : whole;
                seen = Kind.INTEGRAL;
            } else {
                seen = Kind.REAL;
            }
        } else {
            seen = Kind.TEXT;
        }
        kind = merge(kind, seen);
    }

    /** Adds a CSV field: numbers and booleans recognised from their text. */
    void addText(String text) {
        if (text.matches("-?\\d{1,38}")) {
            add(text, true, false);
        } else if (text.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
            add(text, true, false);
        } else if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            add(text, false, true);
        } else {
            add(text, false, false);
        }
    }

    /** Numeric columns parse their text; anything else is text. */
    boolean isNumeric() {
        return kind == Kind.INTEGRAL || kind == Kind.REAL;
    }

    String sqlType() {
        return switch (kind) {
            case BOOLEAN -> "BOOLEAN";
            case REAL -> "REAL";
            case INTEGRAL -> integral();
            case NONE, TEXT -> "VARCHAR(" + varcharLength() + ")";
        };
    }

    private String integral() {
        if (fits(Byte.MIN_VALUE, Byte.MAX_VALUE)) {
            return "TINYINT";
        }
        if (fits(Short.MIN_VALUE, Short.MAX_VALUE)) {
            return "SMALLINT";
        }
        if (fits(Integer.MIN_VALUE, Integer.MAX_VALUE)) {
            return "INTEGER";
        }
        return fits(Long.MIN_VALUE, Long.MAX_VALUE) ? "BIGINT" : "VARCHAR(" + varcharLength() + ")";
    }

    private boolean fits(long low, long high) {
        return min.compareTo(BigInteger.valueOf(low)) >= 0 && max.compareTo(BigInteger.valueOf(high)) <= 0;
    }

    private int varcharLength() {
        int n = 4;
        while (n < longest) {
            n *= 2;
        }
        return n;
    }

    private static Kind merge(Kind current, Kind seen) {
        if (current == Kind.NONE || current == seen) {
            return seen;
        }
        if (current == Kind.INTEGRAL && seen == Kind.REAL || current == Kind.REAL && seen == Kind.INTEGRAL) {
            return Kind.REAL;
        }
        return Kind.TEXT;
    }
}
