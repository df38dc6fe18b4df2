package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The strict reader of a service's JSON request members, made once per service: a value of the wrong JSON
 * type, or a length, range or pattern a value fails, is an error with the service's codes, worded as AWS
 * words it. The tolerant reader for Query requests is {@link Members}.
 */
public final class CheckedMembers {

    private final ErrorCode invalid;
    private final ErrorCode serialization;

    private CheckedMembers(ErrorCode invalid, ErrorCode serialization) {
        this.invalid = invalid;
        this.serialization = serialization;
    }

    /**
     * The strict reader of a service.
     *
     * @param invalid the code of a value that fails a constraint (ValidationException, InvalidArgumentException)
     * @param serialization the code of a value of the wrong JSON type where the service's protocol answers
     *     one (Kinesis's SerializationException, used by {@link #string}, {@link #integer}, {@link #blob}
     *     and {@link #timestamp}); null where a wrong type is a constraint failure like any other
     */
    public static CheckedMembers of(ErrorCode invalid, ErrorCode serialization) {
        return new CheckedMembers(invalid, serialization);
    }

    // Strict readers with the wire-type errors of Kinesis's protocol (SerializationException).

    /** A string member, or null when absent or JSON null; another JSON type is a serialization error. */
    public String string(JsonNode in, String member) {
        JsonNode node = in.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw serialization().error("Member " + member + " must be a string");
        }
        return node.textValue();
    }

    /** A string member that must be present; {@code path} is its lower-camel path for the message. */
    public String requiredString(JsonNode in, String member, String path) {
        String value = string(in, member);
        if (value == null) {
            throw ValidationErrors.missing(invalid, path);
        }
        return value;
    }

    /** An int member, or null when absent; a non-integral or out-of-int-range value is a serialization error. */
    public Integer integer(JsonNode in, String member) {
        JsonNode node = in.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw serialization().error("Member " + member + " must be an integer");
        }
        return node.intValue();
    }

    /** A blob member that must be present: CBOR's byte string or JSON's base64 string. */
    public byte[] blob(JsonNode in, String member, String path) {
        JsonNode node = in.get(member);
        if (node == null || node.isNull()) {
            throw ValidationErrors.missing(invalid, path);
        }
        try {
            // CBOR sends a byte string (binary node); JSON a base64 string, which binaryValue() decodes.
            byte[] bytes = node.binaryValue();
            if (bytes == null) {
                throw new IOException("not a blob");
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw serialization().error("Member " + member + " must be base64-encoded binary data");
        }
    }

    /** A timestamp member (epoch seconds or ISO-8601), or null when absent. */
    public Instant timestamp(JsonNode in, String member) {
        JsonNode node = in.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Timestamps.read(node);
        } catch (IllegalArgumentException e) {
            throw serialization().error("Member " + member + " must be a timestamp");
        }
    }

    private ErrorCode serialization() {
        if (serialization == null) {
            throw new IllegalStateException("this reader has no serialization error code");
        }
        return serialization;
    }

    // Strict readers whose every failure, a wrong JSON type included, is a constraint failure; {@code in}
    // may be null (an absent enclosing structure) and {@code path} is the member's lower-camel path.

    /** A required string member within the length bounds and matching {@code pattern} (null for any). */
    public String required(JsonNode in, String member, String path, int min, int max, Pattern pattern) {
        String value = optional(in, member, path, min, max, pattern);
        if (value == null) {
            throw violation("null", path, "Member must not be null");
        }
        return value;
    }

    /** An optional string member, validated when present; null when absent. */
    public String optional(JsonNode in, String member, String path, int min, int max, Pattern pattern) {
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
    public String optionalEnum(JsonNode in, String member, String path, List<String> values) {
        String value = optional(in, member, path, 0, Integer.MAX_VALUE, null);
        if (value != null && !values.contains(value)) {
            throw violation("'" + value + "'", path, "Member must satisfy enum value set: " + values);
        }
        return value;
    }

    /** An optional boolean member (a JSON boolean, or the text true or false); null when absent. */
    public Boolean optionalBoolean(JsonNode in, String member, String path) {
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
    public ObjectNode object(JsonNode in, String member, String path) {
        ObjectNode value = optionalObject(in, member, path);
        if (value == null) {
            throw violation("null", path, "Member must not be null");
        }
        return value;
    }

    public ObjectNode optionalObject(JsonNode in, String member, String path) {
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
    public ArrayNode list(JsonNode in, String member, String path, int min, int max) {
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
    public long number(JsonNode in, String member, String path, long min, long max) {
        Long value = optionalNumber(in, member, path, min, max);
        if (value == null) {
            throw violation("null", path, "Member must not be null");
        }
        return value;
    }

    public Long optionalNumber(JsonNode in, String member, String path, long min, long max) {
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

    /** Exactly one of the given members must be set; {@code what} names the structure in the message. */
    public String exactlyOne(JsonNode in, String what, String... members) {
        String found = null;
        for (String member : members) {
            JsonNode node = in.get(member);
            if (node != null && !node.isNull()) {
                if (found != null) {
                    throw invalid.error(what + " must set exactly one of "
                            + String.join(", ", members) + ", but sets both " + found + " and " + member + ".");
                }
                found = member;
            }
        }
        if (found == null) {
            throw invalid.error(what + " must set one of " + String.join(", ", members) + ".");
        }
        return found;
    }

    /** The constraint failure with the value as shown ({@code 'x'}, {@code null}, a JSON value). */
    public AwsServiceException violation(String shownValue, String path, String constraint) {
        return invalid.error(ValidationErrors.message(shownValue, path, constraint));
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
