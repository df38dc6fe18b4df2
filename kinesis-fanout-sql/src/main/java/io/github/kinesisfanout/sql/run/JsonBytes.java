package io.github.kinesisfanout.sql.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that writes JSON strings (escaped, UTF-8) and numbers without building Strings. */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The tens and the ones digit of 0 to 99. */
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** Scratch buffers larger than this are not kept for the next row. */
    private static final int KEPT = 1 << 16;
    private static final ThreadLocal<JsonBytes> SCRATCH = ThreadLocal.withInitial(() -> new JsonBytes(256));
    private byte[] buf;
    private int len;

    JsonBytes(int capacity) {
        buf = new byte[capacity];
    }

    /**
     * The calling thread's scratch buffer, emptied: a row is written into it and copied out by
     * {@link #toBytes}, so the only array made per row is the result.
     */
    static JsonBytes scratch() {
        JsonBytes w = SCRATCH.get();
        if (w.buf.length > KEPT) {
            w.buf = new byte[256];
        }
        w.len = 0;
        return w;
    }

    void write(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    void write(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    void number(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        long magnitude = Math.abs(v);
        int digits = digits(magnitude);
        ensure(digits + (v < 0 ? 1 : 0));
        if (v < 0) {
            buf[len++] = '-';
        }
        len += digits;
        writeDigits(magnitude, len);
    }

    /** A DECIMAL in plain notation with its scale (12.50, -0.01), without building a String. */
    void decimal(BigDecimal d) {
        int scale = d.scale();
        if (scale < 0 || scale > 18 || d.precision() > 18) {
            ascii(d.toPlainString());
            return;
        }
        long unscaled = unscaled(d);
        long magnitude = Math.abs(unscaled);
        int digits = scale == 0 ? digits(magnitude) : Math.max(digits(magnitude), scale + 1) + 1;
        ensure(digits + (unscaled < 0 ? 1 : 0));
        if (unscaled < 0) {
            buf[len++] = '-';
        }
        int end = len + digits;
        int i = end;
        if (scale > 0) {
            for (int k = 0; k < scale; k++) {
                buf[--i] = (byte) ('0' + (int) (magnitude % 10));
                magnitude /= 10;
            }
            buf[--i] = '.';
        }
        writeDigits(magnitude, i);
        len = end;
    }

    /**
     * The unscaled value of a DECIMAL of at most 18 digits; moving the point to the end keeps it in
     * a long (no BigInteger as {@code unscaledValue()} makes).
     */
    private static long unscaled(BigDecimal d) {
        return d.scale() == 0 ? d.longValue() : d.scaleByPowerOfTen(d.scale()).longValue();
    }

    /** The number of decimal digits of v (v &ge; 0). */
    private static int digits(long v) {
        int n = 1;
        for (long bound = 10; n < 19 && v >= bound; bound *= 10) {
            n++;
        }
        return n;
    }

    /** Writes the digits of v (v &ge; 0) backwards, ending before index end; two at a time, in ints once v fits. */
    private void writeDigits(long v, int end) {
        int i = end;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--i] = DIGIT_ONES[r];
            buf[--i] = DIGIT_TENS[r];
            v = q;
        }
        int n = (int) v;
        while (n >= 100) {
            int q = n / 100;
            int r = n - q * 100;
            buf[--i] = DIGIT_ONES[r];
            buf[--i] = DIGIT_TENS[r];
            n = q;
        }
        if (n >= 10) {
            buf[--i] = DIGIT_ONES[n];
            buf[--i] = DIGIT_TENS[n];
        } else {
            buf[--i] = (byte) ('0' + n);
        }
    }

    void string(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        int i = 0;
        // printable ASCII needs no escape and fits the room just made; the rest may need more
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            buf[len++] = (byte) c;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (len == buf.length) {
                    ensure(1);
                }
                buf[len++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                write('\\');
                write(c);
            } else if (c < 0x20) {
                escapeControl(c);
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < s.length()) {
                    end++;
                }
                write(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        write('"');
    }

    private void escapeControl(char c) {
        switch (c) {
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            case '\b' -> ascii("\\b");
            case '\f' -> ascii("\\f");
            default -> {
                ascii("\\u00");
                write(HEX[c >> 4]);
                write(HEX[c & 0xF]);
            }
        }
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    /** A copy of the bytes written. */
    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }
}
