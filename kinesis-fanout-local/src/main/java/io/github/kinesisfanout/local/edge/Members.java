package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * The tolerant reader of request members, and the model's name patterns.
 *
 * <p>Query requests carry every value as text, JSON requests as typed values, so numbers and booleans are
 * read with Jackson's {@code asX} conversions. Services that check their JSON members against their model
 * read them with a {@link CheckedMembers} instead.
 */
public final class Members {

    /** The model's pattern for resource names (streams, applications): {@code [a-zA-Z0-9_.-]+}. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    /** The model's pattern for an IAM role ARN. */
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    /** The model's pattern for any ARN. */
    public static final Pattern ARN = Pattern.compile("arn:.*");

    private Members() {
    }

    /** A member that must be present and non-empty; otherwise the AWS validation message with the given code. */
    public static String required(ObjectNode input, String member, ErrorCode errorCode) {
        String value = text(input, member);
        if (value == null || value.isEmpty()) {
            throw ValidationErrors.missing(errorCode, ValidationErrors.camel(member));
        }
        return value;
    }

    /** A text member, or null when absent or JSON null. */
    public static String text(JsonNode input, String member) {
        JsonNode node = input.get(member);
        return node == null || node.isNull() ? null : node.asText();
    }

    public static String text(JsonNode input, String member, String fallback) {
        String value = text(input, member);
        return value == null ? fallback : value;
    }

    /** An integer member, or the fallback; a non-numeric value is a validation error. */
    public static int integer(JsonNode input, String member, int fallback, ErrorCode errorCode) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.intValue();
        }
        try {
            return Integer.parseInt(node.asText().trim());
        } catch (NumberFormatException e) {
            throw ValidationErrors.of(errorCode, node.asText(), member, "Member must be a number");
        }
    }

    public static long longValue(JsonNode input, String member, long fallback) {
        JsonNode node = input.get(member);
        return node == null || node.isNull() || node.asText().isEmpty() ? fallback : node.asLong(fallback);
    }

    public static boolean bool(JsonNode input, String member, boolean fallback) {
        JsonNode node = input.get(member);
        return node == null || node.isNull() ? fallback : node.asBoolean(fallback);
    }

    /** Whether the member is present and not JSON null. */
    public static boolean has(JsonNode input, String member) {
        JsonNode node = input.get(member);
        return node != null && !node.isNull();
    }
}
