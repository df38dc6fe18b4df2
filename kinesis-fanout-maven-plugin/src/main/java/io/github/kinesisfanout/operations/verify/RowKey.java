package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical text of a row, so rows compare as parsed JSON objects: members in name order,
 * numbers by value ({@code 12.3} equals {@code 12.30} and {@code 5} equals {@code 5.0}), and the
 * columns a caller ignores left out.
 */
final class RowKey {

    private RowKey() {
    }

    /**
     * @param row a parsed output row (any JSON value; objects are the normal case)
     * @param ignoredColumns top-level members left out of the comparison
     */
    static String of(JsonNode row, Set<String> ignoredColumns) {
        StringBuilder out = new StringBuilder();
        if (row.isObject()) {
            appendObject(row, ignoredColumns, out);
        } else {
            append(row, out);
        }
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            appendObject(node, Set.of(), out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else {
            // Text, booleans and null print as JSON, so "1" (text) never equals 1 (number).
            out.append(node.toString());
        }
    }

    private static void appendObject(JsonNode node, Set<String> ignored, StringBuilder out) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!ignored.contains(member.getKey())) {
                sorted.put(member.getKey(), member.getValue());
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(TextNode.valueOf(member.getKey())).append(':');
            append(member.getValue(), out);
        }
        out.append('}');
    }

    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
