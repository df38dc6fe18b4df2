package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.Row;
import io.github.kinesisfanout.sql.type.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * JSON output (reference §5): one object per row, keys as the columns are stored, ROWTIME not
 * included. Numbers are JSON numbers (DECIMAL with its scale, e.g. {@code 0.00}), text and datetimes
 * strings ({@code yyyy-MM-dd HH:mm:ss.SSS}), BOOLEAN true/false, binary base64, NULL null, and a
 * non-finite REAL/DOUBLE null. Written straight to bytes; thread-safe.
 */
public final class JsonOutputFormat implements OutputFormat {

    /** For each column, the bytes before its value: {@code {"ID":} then {@code ,"USERNAME":}. */
    private final byte[][] prefixes;

    public JsonOutputFormat(List<String> columns) {
        prefixes = new byte[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            ByteWriter w = new ByteWriter(32);
            w.write(i == 0 ? '{' : ',');
            w.string(columns.get(i));
            w.write(':');
            prefixes[i] = w.toBytes();
        }
    }

    @Override
    public byte[] serialize(Row row) {
        return serialize(row.values());
    }

    byte[] serialize(Object[] values) {
        ByteWriter w = new ByteWriter(96);
        if (prefixes.length == 0) {
            w.write('{');
        }
        for (int i = 0; i < prefixes.length; i++) {
            w.write(prefixes[i]);
            value(w, values[i]);
        }
        w.write('}');
        return w.toBytes();
    }

    private static void value(ByteWriter w, Object v) {
        if (v == null) {
            w.ascii("null");
        } else if (v instanceof String s) {
            w.string(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            w.number(((Number) v).longValue());
        } else if (v instanceof BigDecimal d) {
            w.ascii(d.toPlainString());
        } else if (v instanceof Double d) {
            w.ascii(Double.isFinite(d) ? d.toString() : "null");
        } else if (v instanceof Float f) {
            w.ascii(Float.isFinite(f) ? f.toString() : "null");
        } else if (v instanceof Boolean b) {
            w.ascii(b ? "true" : "false");
        } else if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof LocalTime) {
            w.string(Values.text(v));
        } else if (v instanceof byte[] bytes) {
            w.string(Base64.getEncoder().encodeToString(bytes));
        } else {
            w.string(v.toString());
        }
    }

    /** A growable byte buffer with JSON string escaping and UTF-8 encoding. */
    static final class ByteWriter {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private byte[] buf;
        private int len;

        ByteWriter(int capacity) {
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
            if (v >= 0 && v < 10) {
                write('0' + (int) v);
                return;
            }
            ascii(Long.toString(v));
        }

        void string(String s) {
            ensure(s.length() + 2);
            buf[len++] = '"';
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    ensure(1);
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
}
