package io.github.kinesisfanout.sql.run;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.kinesisfanout.sql.type.SqlType;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the usual shape of a JSON record without a Jackson parser: one flat object of ASCII text,
 * names and strings without escapes, integers and plain decimals, {@code true}, {@code false} and
 * {@code null}, mapped to top-level members. Any other record (nested or unmapped objects and arrays,
 * escapes, non-ASCII bytes, exponents, numbers a column does not take as they are, anything malformed)
 * is left to Jackson, so values, errors and their messages stay Jackson's. What it reads it coerces as
 * Jackson's path does, value by value in record order; a coercion error is thrown only once
 * everything before it and the value itself are known to be well-formed, as Jackson would have read them.
 */
final class FlatJsonScanner {

    private static final int MAX_STRING = StreamReadConstraints.defaults().getMaxStringLength();
    private static final int MAX_NAME = StreamReadConstraints.defaults().getMaxNameLength();
    /** Longer numbers, even unmapped ones, are left to Jackson, which checks their length. */
    private static final int MAX_NUMBER = 100;

    /** Member names (UTF-8) of the top-level mappings, in mapping order. */
    private final byte[][] members;
    /** Whether a member's name is printable ASCII without quote or backslash (a name read here), short enough. */
    private final boolean[] plain;
    /** The column each member maps to, or -1 for a member whose nested members are mapped. */
    private final int[] columns;
    private final SqlType[] types;
    private final String[] names;

    FlatJsonScanner(String[] members, int[] columns, SqlType[] types, String[] names) {
        this.members = new byte[members.length][];
        for (int i = 0; i < members.length; i++) {
            this.members[i] = members[i].getBytes(StandardCharsets.UTF_8);
        }
        plain = new boolean[members.length];
        for (int i = 0; i < members.length; i++) {
            plain[i] = this.members[i].length <= MAX_NAME && stringEnd(quoted(this.members[i]), 0)
                    == this.members[i].length;
        }
        this.columns = columns;
        this.types = types;
        this.names = names;
    }

    /**
     * Reads a record into {@code values}.
     *
     * @return false when the record is not of the shape read here (values then hold partial results)
     * @throws CoercionException the error Jackson's path reports for this record
     */
    boolean scan(byte[] data, Object[] values) {
        int end = data.length;
        int i = whitespace(data, 0);
        if (i >= end || data[i] != '{') {
            return false;
        }
        i = whitespace(data, i + 1);
        if (i < end && data[i] == '}') {
            return whitespace(data, i + 1) == end;
        }
        int expected = 0;
        while (true) {
            // a member name
            if (i >= end || data[i] != '"') {
                return false;
            }
            int nameStart = i + 1;
            int nameEnd;
            int member;
            if (expected < members.length && plain[expected] && named(data, nameStart, members[expected])) {
                // the expected name and its closing quote, the string stringEnd would have found
                member = expected++;
                nameEnd = nameStart + members[member].length;
            } else {
                nameEnd = stringEnd(data, nameStart);
                if (nameEnd < 0 || nameEnd - nameStart > MAX_NAME) {
                    return false;
                }
                member = find(data, nameStart, nameEnd);
            }
            i = whitespace(data, nameEnd + 1);
            if (i >= end || data[i] != ':') {
                return false;
            }
            i = whitespace(data, i + 1);
            if (i >= end) {
                return false;
            }
            int column = member < 0 ? -1 : columns[member];
            if (member >= 0 && column < 0) {
                return false;
            }
            i = value(data, i, column, values);
            if (i < 0) {
                return false;
            }
            i = whitespace(data, i);
            if (i >= end) {
                return false;
            }
            if (data[i] == '}') {
                return whitespace(data, i + 1) == end;
            }
            if (data[i] != ',') {
                return false;
            }
            i = whitespace(data, i + 1);
        }
    }

    /** Reads the value at {@code i} into the column (or skips it when column is -1); the index after it, or -1. */
    private int value(byte[] data, int i, int column, Object[] values) {
        byte b = data[i];
        if (b == '"') {
            int stringEnd = stringEnd(data, i + 1);
            if (stringEnd < 0 || stringEnd - i - 1 > MAX_STRING) {
                return -1;
            }
            if (column >= 0) {
                String text = new String(data, i + 1, stringEnd - i - 1, StandardCharsets.ISO_8859_1);
                values[column] = Coercion.fromString(text, types[column], names[column]);
            }
            return stringEnd + 1;
        }
        if (b == '-' || (b >= '0' && b <= '9')) {
            return number(data, i, column, values);
        }
        int after;
        Object literal;
        if (b == 't' && literal(data, i, "true")) {
            after = i + 4;
            literal = Boolean.TRUE;
        } else if (b == 'f' && literal(data, i, "false")) {
            after = i + 5;
            literal = Boolean.FALSE;
        } else if (b == 'n' && literal(data, i, "null")) {
            after = i + 4;
            literal = null;
        } else {
            return -1;
        }
        if (!terminates(data, after)) {
            return -1;
        }
        if (column >= 0) {
            values[column] = literal == null ? null : Coercion.fromBoolean((Boolean) literal, types[column],
                    names[column]);
        }
        return after;
    }

    /**
     * A number of JSON's grammar without exponent ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}) followed by
     * whitespace, a comma or the closing brace; taken as is by INTEGER and BIGINT columns when whole and
     * in range, and by DECIMAL columns as {@link PlainDecimal} reads it.
     */
    private int number(byte[] data, int start, int column, Object[] values) {
        int end = data.length;
        int i = start;
        boolean negative = data[i] == '-';
        if (negative) {
            i++;
        }
        // the digits are gathered as they are checked; past 18 of them only the check goes on
        long unscaled = 0;
        int intStart = i;
        if (i < end && data[i] == '0') {
            i++;
        } else {
            for (; i < end && data[i] >= '0' && data[i] <= '9'; i++) {
                unscaled = unscaled * 10 + (data[i] - '0');
            }
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (i < end && data[i] >= '0' && data[i] <= '9')) {
            return -1;
        }
        int scale = -1;
        if (i < end && data[i] == '.') {
            i++;
            int fractionStart = i;
            for (; i < end && data[i] >= '0' && data[i] <= '9'; i++) {
                unscaled = unscaled * 10 + (data[i] - '0');
            }
            scale = i - fractionStart;
            if (scale == 0) {
                return -1;
            }
        }
        // Jackson limits a number's length (StreamReadConstraints); long ones are left to it
        if (!terminates(data, i) || i - start > MAX_NUMBER) {
            return -1;
        }
        if (column < 0) {
            return i;
        }
        int digits = intDigits + Math.max(scale, 0);
        if (digits > 18) {
            return -1;
        }
        SqlType type = types[column];
        switch (type.kind()) {
            case INTEGER, BIGINT -> {
                if (scale >= 0) {
                    return -1;
                }
                long v = negative ? -unscaled : unscaled;
                if (type.kind() == SqlType.Kind.BIGINT) {
                    values[column] = v;
                } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                    values[column] = (int) v;
                } else {
                    return -1;
                }
            }
            case DECIMAL -> {
                // as PlainDecimal reads the number's text: a lone 0 before the point is no integer digit
                int integerDigits = unscaledIntegerDigits(data, intStart, intDigits);
                Object v = PlainDecimal.of(negative, unscaled, digits, integerDigits, scale, type);
                if (v == null) {
                    return -1;
                }
                values[column] = v;
            }
            default -> {
                return -1;
            }
        }
        return i;
    }

    /** The integer digits of a number of JSON's grammar that count towards a DECIMAL's precision. */
    private static int unscaledIntegerDigits(byte[] data, int intStart, int intDigits) {
        return intDigits == 1 && data[intStart] == '0' ? 0 : intDigits;
    }

    /** The index of the closing quote of a string of printable ASCII without escapes starting at i, or -1. */
    private static int stringEnd(byte[] data, int i) {
        for (; i < data.length; i++) {
            byte b = data[i];
            if (b == '"') {
                return i;
            }
            // negative bytes are non-ASCII
            if (b < 0x20 || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean literal(byte[] data, int i, String word) {
        if (i + word.length() > data.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (data[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether what follows a value at i ends it within an object: whitespace, a comma or the closing brace. */
    private static boolean terminates(byte[] data, int i) {
        if (i >= data.length) {
            return false;
        }
        byte b = data[i];
        return b == ',' || b == '}' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static int whitespace(byte[] data, int i) {
        while (i < data.length) {
            byte b = data[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The name followed by a quote, as a string's content. */
    private static byte[] quoted(byte[] name) {
        byte[] quoted = java.util.Arrays.copyOf(name, name.length + 1);
        quoted[name.length] = '"';
        return quoted;
    }

    /** Whether the bytes at start are the name and a closing quote. */
    private static boolean named(byte[] data, int start, byte[] name) {
        int end = start + name.length;
        if (end >= data.length || data[end] != '"') {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (data[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] data, int start, int end, byte[] name) {
        if (end - start != name.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (data[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** The mapped member with this name, or -1. */
    private int find(byte[] data, int start, int end) {
        for (int m = 0; m < members.length; m++) {
            if (matches(data, start, end, members[m])) {
                return m;
            }
        }
        return -1;
    }
}
