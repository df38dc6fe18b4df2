package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudFormation's input members. The Query protocol carries every scalar as text and lists
 * as {@code Name.member.N}; the codec may hand a list as an array or as {@code {"member": [...]}},
 * so both are accepted.
 */
final class QueryInput {

    private QueryInput() {
    }

    static String text(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String required(ObjectNode input, String member) {
        String value = text(input, member);
        if (value == null || value.isEmpty()) {
            throw ValidationErrors.missing(CloudFormationErrors.VALIDATION_ERROR, ValidationErrors.camel(member));
        }
        return value;
    }

    static boolean bool(ObjectNode input, String member) {
        return "true".equalsIgnoreCase(text(input, member));
    }

    static List<JsonNode> list(JsonNode input, String member) {
        JsonNode value = input.get(member);
        if (value != null && value.isObject() && value.has("member")) {
            value = value.get("member");
        }
        List<JsonNode> items = new ArrayList<>();
        // The SDK sends an explicitly empty list as "Name=" (an empty string).
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }

    static List<String> strings(JsonNode input, String member) {
        return list(input, member).stream().map(JsonNode::asText).toList();
    }

    /** Tags as Key/Value pairs in order, or null when the member is absent. */
    static Map<String, String> tags(ObjectNode input) {
        if (!input.has("Tags")) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : list(input, "Tags")) {
            tags.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
        return tags;
    }
}
