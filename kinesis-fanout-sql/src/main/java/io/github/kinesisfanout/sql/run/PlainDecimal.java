package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;

/**
 * Reads a plain number ({@code -123.45}: no exponent, at most 18 digits; a JSON number's text or
 * a text value) straight into a DECIMAL(p,s) value without a BigDecimal parse; anything else
 * (exponents, more digits, precision loss, out of range) returns null so the general coercion path
 * decides and reports.
 */
final class PlainDecimal {

    private PlainDecimal() {
    }

    static BigDecimal read(char[] text, int offset, int length, SqlType type) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int integerDigits = 0;
        int scale = -1;
        for (; i < end; i++) {
            char c = text[i];
            if (c == '.' && scale < 0) {
                scale = 0;
                continue;
            }
            if (c < '0' || c > '9' || ++digits > 18) {
                return null;
            }
            unscaled = unscaled * 10 + (c - '0');
            if (scale >= 0) {
                scale++;
            } else if (unscaled != 0) {
                integerDigits++;
            }
        }
        return of(negative, unscaled, digits, integerDigits, scale, type);
    }

    /** The same for text (a CSV field, a JSON string). */
    static BigDecimal read(String text, SqlType type) {
        int end = text.length();
        boolean negative = end > 0 && text.charAt(0) == '-';
        int i = negative ? 1 : 0;
        long unscaled = 0;
        int digits = 0;
        int integerDigits = 0;
        int scale = -1;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' && scale < 0) {
                scale = 0;
                continue;
            }
            if (c < '0' || c > '9' || ++digits > 18) {
                return null;
            }
            unscaled = unscaled * 10 + (c - '0');
            if (scale >= 0) {
                scale++;
            } else if (unscaled != 0) {
                integerDigits++;
            }
        }
        return of(negative, unscaled, digits, integerDigits, scale, type);
    }

    /**
     * The DECIMAL of the digits read: at most 18 {@code digits} making {@code unscaled},
     * {@code integerDigits} of them before the point not counting leading zeros, {@code scale} after it
     * (-1: no decimal point); null when the column does not take it as it is.
     */
    static BigDecimal of(boolean negative, long unscaled, int digits, int integerDigits, int scale,
            SqlType type) {
        if (digits == 0 || scale == 0) {
            return null;
        }
        scale = Math.max(scale, 0);
        if (scale > type.scale() || integerDigits > type.precision() - type.scale()) {
            return null;
        }
        for (int s = scale; s < type.scale(); s++) {
            if (unscaled > Long.MAX_VALUE / 10) {
                return null;
            }
            unscaled *= 10;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, type.scale());
    }
}
