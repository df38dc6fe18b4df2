package io.github.kinesisfanout.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON body (AWS JSON 1.1 and REST-JSON) against a model shape: only the shape's member
 * names, each of the model's type, required members present, enum values from the model's enum.
 */
final class JsonShapeCheck {

    private final ServiceModel model;
    private final List<String> problems = new ArrayList<>();

    JsonShapeCheck(ServiceModel model) {
        this.model = model;
    }

    /** The problems found in {@code value} as an instance of {@code shapeName}; empty when it conforms. */
    List<String> check(String shapeName, JsonNode value, String path) {
        visit(shapeName, value, path, 0);
        return problems;
    }

    private void visit(String shapeName, JsonNode value, String path, int depth) {
        JsonNode shape = model.shape(shapeName);
        if (depth > 40) {
            return;
        }
        if (value.isNull()) {
            problems.add(path + ": null (AWS leaves unset members out)");
            return;
        }
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> structure(shapeName, shape, value, path, depth);
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list (" + shapeName + "), found " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size() && i < 1000; i++) {
                    visit(shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]", depth + 1);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected a map (" + shapeName + "), found " + value.getNodeType());
                    return;
                }
                value.fields().forEachRemaining(e -> visit(shape.path("value").path("shape").asText(), e.getValue(),
                        path + "." + e.getKey(), depth + 1));
            }
            default -> scalar(shapeName, shape, type, value, path);
        }
    }

    private void structure(String shapeName, JsonNode shape, JsonNode value, String path, int depth) {
        if (!value.isObject()) {
            problems.add(path + ": expected a structure, found " + value.getNodeType());
            return;
        }
        JsonNode members = shape.path("members");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode member = members.path(field.getKey());
            if (NewerThanModel.member(model.service(), shapeName, field.getKey())) {
                continue;
            }
            if (member.isMissingNode() || member.has("location")) {
                problems.add(path + "." + field.getKey() + ": not a member of the model's shape");
            } else {
                visit(member.path("shape").asText(), field.getValue(), path + "." + field.getKey(), depth + 1);
            }
        }
        for (JsonNode required : shape.path("required")) {
            JsonNode member = members.path(required.asText());
            if (!member.has("location") && !value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required by the model, missing");
            }
        }
    }

    private void scalar(String shapeName, JsonNode shape, String type, JsonNode value, String path) {
        boolean ok = switch (type) {
            case "string" -> value.isTextual();
            case "integer", "long" -> value.isIntegralNumber();
            case "float", "double" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "timestamp" -> value.isNumber() || "iso8601".equals(shape.path("timestampFormat").asText())
                    && value.isTextual() && Timestamps.parses(value.asText());
            case "blob" -> value.isTextual() && base64(value.asText());
            default -> true;
        };
        if (!ok) {
            problems.add(path + ": expected " + type + " (" + shapeName + "), found " + value.getNodeType()
                    + " " + abbreviate(value.toString()));
        } else if (shape.has("enum") && !contains(shape.path("enum"), value.asText())
                && !NewerThanModel.enumValue(shapeName, value.asText())) {
            problems.add(path + ": " + value + " is not in the model's enum " + shapeName + " " + shape.path("enum"));
        }
    }

    static boolean contains(JsonNode values, String text) {
        for (JsonNode value : values) {
            if (value.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean base64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
