package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.plan.EvaluationException;
import io.github.kinesisfanout.sql.plan.Numbers;
import io.github.kinesisfanout.sql.type.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Checks the values a host pushes as a row against the stream's column types (Java types of Row). */
final class RowValues {

    private RowValues() {
    }

    /**
     * A row's values as a key equal for rows SQL's DISTINCT takes as equal: binary by content, -0.0 as 0.0
     * (values of one column have one type, so DECIMALs share their scale).
     */
    static java.util.List<Object> distinctKey(Object[] values) {
        Object[] key = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            key[i] = v instanceof byte[] b ? java.nio.ByteBuffer.wrap(b)
                    : v instanceof Double d && d == 0.0 ? (Object) 0.0 : v instanceof Float f && f == 0.0f ? (Object) 0.0f : v;
        }
        return java.util.Arrays.asList(key);
    }

    static Object[] check(StreamDef stream, Object[] values) {
        if (values.length != stream.columns().size()) {
            throw new IllegalArgumentException("Stream \"" + stream.name() + "\" has " + stream.columns().size()
                    + " columns, the row has " + values.length + " values");
        }
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            StreamDef.ColumnDef column = stream.columns().get(i);
            Object v = out[i];
            if (v == null) {
                continue;
            }
            SqlType type = column.type();
            boolean ok;
            if (type.isNumeric()) {
                ok = v instanceof Number;
                if (ok) {
                    try {
                        out[i] = Numbers.convert(v, type);
                    } catch (EvaluationException e) {
                        throw new IllegalArgumentException("Column '" + column.name() + "': " + e.getMessage());
                    }
                }
            } else {
                ok = switch (type.kind()) {
                    case CHAR, VARCHAR -> v instanceof String;
                    case BOOLEAN -> v instanceof Boolean;
                    case TIMESTAMP -> v instanceof LocalDateTime;
                    case DATE -> v instanceof LocalDate;
                    case TIME -> v instanceof LocalTime;
                    case BINARY, VARBINARY -> v instanceof byte[];
                    default -> false;
                };
            }
            if (!ok) {
                throw new IllegalArgumentException("Column '" + column.name() + "' is " + type + ", the value is a "
                        + v.getClass().getSimpleName());
            }
        }
        return out;
    }
}
