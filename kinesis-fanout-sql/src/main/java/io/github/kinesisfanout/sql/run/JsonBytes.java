package io.github.kinesisfanout.sql.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that writes JSON strings (escaped, UTF-8) and numbers without building Strings. */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int len;

    JsonBytes(int capacity) {
        buf = new byte[capacity];
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
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        reverse(start, len - 1);
    }

    /** A DECIMAL in plain notation with its scale (12.50, -0.01), without building a String. */
    void decimal(BigDecimal d) {
        int scale = d.scale();
        if (scale < 0 || scale > 18 || d.precision() > 18) {
            ascii(d.toPlainString());
            return;
        }
        long unscaled = d.unscaledValue().longValue();
        ensure(22);
        if (unscaled < 0) {
            buf[len++] = '-';
            unscaled = -unscaled;
        }
        int start = len;
        for (int i = 0; i < scale; i++) {
            buf[len++] = (byte) ('0' + (int) (unscaled % 10));
            unscaled /= 10;
        }
        if (scale > 0) {
            buf[len++] = '.';
        }
        do {
            buf[len++] = (byte) ('0' + (int) (unscaled % 10));
            unscaled /= 10;
        } while (unscaled != 0);
        reverse(start, len - 1);
    }

    private void reverse(int i, int j) {
        while (i < j) {
            byte t = buf[i];
            buf[i++] = buf[j];
            buf[j--] = t;
        }
    }

    void string(String s) {
        ensure(s.length() + 2);
        buf[len++] = '"';
        for (int i = 0; i < s.length(); i++) {
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

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }
}
