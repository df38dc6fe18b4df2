package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.Row;
import io.github.kinesisfanout.sql.type.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
            JsonBytes w = new JsonBytes(32);
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

    /** Written into the calling thread's scratch buffer, then copied out at its length. */
    byte[] serialize(Object[] values) {
        JsonBytes w = JsonBytes.scratch();
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

    private static void value(JsonBytes w, Object v) {
        if (v == null) {
            w.ascii("null");
        } else if (v instanceof String s) {
            w.string(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            w.number(((Number) v).longValue());
        } else if (v instanceof BigDecimal d) {
            w.decimal(d);
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
        } else if (v instanceof Object[] fields) {
            // a ROW (a log parsing result in a sub-query's row): its field values in order
            w.write('[');
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    w.write(',');
                }
                value(w, fields[i]);
            }
            w.write(']');
        } else {
            w.string(v.toString());
        }
    }
}
