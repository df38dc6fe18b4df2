package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.util.regex.Pattern;

/**
 * Reads and validates input members of the Kinesis Analytics APIs (v1 and v2), answering
 * InvalidArgumentException in the wording of AWS validation errors
 * ({@code Value 'x' at 'applicationName' failed to satisfy constraint: ...}).
 */
public final class Members {

    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    public static final Pattern ARN = Pattern.compile("arn:.*");

    private Members() {
    }

    /** A required string member of {@code in}; {@code path} is its lower-camel path for messages. */
    public static String required(JsonNode in, String member, String path, int min, int max, Pattern pattern) {
        String value = optional(in, member, path, min, max, pattern);
        if (value == null) {
            throw violation("null", path, "Member must not be null");
        }
        return value;
    }

    /** An optional string member, validated when present; null when absent. */
    public static String optional(JsonNode in, String member, String path, int min, int max, Pattern pattern) {
        JsonNode node = in == null ? null : in.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw violation(node.toString(), path, "Member must be a string");
        }
        String value = node.textValue();
        if (value.length() < min) {
            throw violation("'" + value + "'", path, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw violation("'" + abbreviate(value) + "'", path, "Member must have length less than or equal to " + max);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw violation("'" + value + "'", path, "Member must satisfy regular expression pattern: " + pattern);
        }
        return value;
    }

    /** An optional enum member sent as a string, validated against the model's value set; null when absent. */
    public static String optionalEnum(JsonNode in, String member, String path, java.util.List<String> values) {
        String value = optional(in, member, path, 0, Integer.MAX_VALUE, null);
        if (value != null && !values.contains(value)) {
            throw violation("'" + value + "'", path, "Member must satisfy enum value set: " + values);
        }
        return value;
    }

    /** An optional boolean member; a value of another type is a validation error. */
    public static Boolean optionalBoolean(JsonNode in, String member, String path) {
        JsonNode node = in == null ? null : in.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean() && !(node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false")))) {
            throw violation(node.toString(), path, "Member must be a boolean");
        }
        return node.asBoolean();
    }

    /** A required object member. */
    public static ObjectNode object(JsonNode in, String member, String path) {
        ObjectNode value = optionalObject(in, member, path);
        if (value == null) {
            throw violation("null", path, "Member must not be null");
        }
        return value;
    }

    public static ObjectNode optionalObject(JsonNode in, String member, String path) {
        JsonNode node = in == null ? null : in.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw violation(node.toString(), path, "Member must be a structure");
        }
        return (ObjectNode) node;
    }

    /** An optional list member; absent gives an empty list; bounds checked when present. */
    public static ArrayNode list(JsonNode in, String member, String path, int min, int max) {
        JsonNode node = in == null ? null : in.get(member);
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw violation(node.toString(), path, "Member must be a list");
        }
        if (node.size() < min) {
            throw violation("[]", path, "Member must have length greater than or equal to " + min);
        }
        if (node.size() > max) {
            throw violation("(" + node.size() + " elements)", path, "Member must have length less than or equal to " + max);
        }
        return (ArrayNode) node;
    }

    /** A required whole-number member within bounds. */
    public static long number(JsonNode in, String member, String path, long min, long max) {
        Long value = optionalNumber(in, member, path, min, max);
        if (value == null) {
            throw violation("null", path, "Member must not be null");
        }
        return value;
    }

    public static Long optionalNumber(JsonNode in, String member, String path, long min, long max) {
        JsonNode node = in == null ? null : in.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() && !(node.isTextual() && node.textValue().matches("-?\\d{1,18}"))) {
            throw violation(node.toString(), path, "Member must be a number");
        }
        long value = node.asLong();
        if (value < min) {
            throw violation(String.valueOf(value), path, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw violation(String.valueOf(value), path, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** Exactly one of the given members must be set; answers InvalidArgumentException otherwise. */
    public static String exactlyOne(JsonNode in, String what, String... members) {
        String found = null;
        for (String member : members) {
            JsonNode node = in.get(member);
            if (node != null && !node.isNull()) {
                if (found != null) {
                    throw AnalyticsErrors.INVALID_ARGUMENT.error(what + " must set exactly one of "
                            + String.join(", ", members) + ", but sets both " + found + " and " + member + ".");
                }
                found = member;
            }
        }
        if (found == null) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error(what + " must set one of " + String.join(", ", members) + ".");
        }
        return found;
    }

    public static AwsServiceException violation(String value, String path, String constraint) {
        return AnalyticsErrors.INVALID_ARGUMENT.error(ValidationErrors.message(value, path, constraint));
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
