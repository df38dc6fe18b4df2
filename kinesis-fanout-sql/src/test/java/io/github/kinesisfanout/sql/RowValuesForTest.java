package io.github.kinesisfanout.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Converts between row values and the JSON of fixtures. Expected values are written as JSON: numbers
 * keep their scale, timestamps are strings {@code yyyy-MM-dd HH:mm:ss.SSS}; an actual value is
 * rendered the same way (with its Java type noted when it is not the plain JSON one) and compared.
 */
final class RowValuesForTest {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private RowValuesForTest() {
    }

    static JsonNode json(Object v) {
        var f = SqlCasesTest.MAPPER.getNodeFactory();
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof String s) {
            return f.textNode(s);
        }
        if (v instanceof Integer i) {
            return f.numberNode(i);
        }
        if (v instanceof Long l) {
            return f.numberNode(l);
        }
        if (v instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (v instanceof Double d) {
            return f.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof LocalDateTime t) {
            return f.textNode(TIMESTAMP.format(t));
        }
        if (v instanceof LocalDate d) {
            return f.textNode("DATE " + d);
        }
        if (v instanceof LocalTime t) {
            return f.textNode("TIME " + TIME.format(t));
        }
        if (v instanceof byte[] b) {
            return f.textNode("BINARY " + Base64.getEncoder().encodeToString(b));
        }
        // Short, Byte, Float: shown with their type so a fixture states it.
        return f.textNode(v.getClass().getSimpleName().toUpperCase() + " " + v);
    }

    /** A value for pushRow from fixture JSON: integers as Integer, decimals as BigDecimal, text as String. */
    static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isInt()) {
            return v.intValue();
        }
        if (v.isLong()) {
            return v.longValue();
        }
        if (v.isBigDecimal() || v.isDouble()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText();
        if (s.startsWith("TIMESTAMP ")) {
            return LocalDateTime.parse(s.substring(10), TIMESTAMP);
        }
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
