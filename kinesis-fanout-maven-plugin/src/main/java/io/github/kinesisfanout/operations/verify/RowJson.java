package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.sql.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A row of the SQL engine as a JSON output record holds it: one object keyed by the columns as
 * stored, numbers as JSON numbers, VARCHAR as strings, BOOLEAN as true/false, TIMESTAMP as
 * {@code "yyyy-MM-dd HH:mm:ss.SSS"}, NULL as null (the rendering Kinesis Analytics' JSON output uses).
 */
final class RowJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private RowJson() {
    }

    static ObjectNode of(Row row) {
        ObjectNode json = NODES.objectNode();
        for (int i = 0; i < row.columns().size(); i++) {
            json.set(row.columns().get(i), value(row.values()[i]));
        }
        return json;
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        } else if (value instanceof BigInteger integer) {
            return NODES.numberNode(integer);
        } else if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            return NODES.numberNode(number.longValue());
        } else if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (value instanceof LocalDateTime time) {
            return NODES.textNode(TIMESTAMP.format(time));
        } else if (value instanceof byte[] bytes) {
            return NODES.textNode(java.util.HexFormat.of().withUpperCase().formatHex(bytes));
        }
        return NODES.textNode(value.toString());
    }
}
