package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.sql.Row;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Serializes output rows by the output's RecordFormatType: JSON, one object per row keyed by the
 * column names as stored (numbers as numbers, TIMESTAMP as {@code yyyy-MM-dd HH:mm:ss.SSS}); CSV,
 * the fields in column order separated by {@code ,} and ended by {@code \n}.
 */
final class RowEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final boolean csv;

    RowEncoder(String recordFormatType) {
        this.csv = "CSV".equals(recordFormatType);
    }

    byte[] encode(Row row) {
        return csv ? csv(row) : json(row);
    }

    private static byte[] json(Row row) {
        ObjectNode object = JSON.createObjectNode();
        for (int i = 0; i < row.columns().size(); i++) {
            String name = row.columns().get(i);
            Object value = row.values()[i];
            if (value == null) {
                object.putNull(name);
            } else if (value instanceof BigDecimal decimal) {
                object.put(name, decimal);
            } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                object.put(name, ((Number) value).intValue());
            } else if (value instanceof Long number) {
                object.put(name, number);
            } else if (value instanceof Float number) {
                object.put(name, number);
            } else if (value instanceof Double number) {
                object.put(name, number);
            } else if (value instanceof Boolean bool) {
                object.put(name, bool);
            } else {
                object.put(name, text(value));
            }
        }
        try {
            return JSON.writeValueAsBytes(object);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] csv(Row row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.values().length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = row.values()[i];
            if (value != null) {
                line.append(value instanceof BigDecimal decimal ? decimal.toPlainString() : text(value));
            }
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp);
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().withUpperCase().formatHex(bytes);
        }
        return value.toString();
    }
}
