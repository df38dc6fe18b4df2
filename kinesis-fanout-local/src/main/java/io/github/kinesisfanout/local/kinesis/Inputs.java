package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/** Reads and validates request members the way the Kinesis API model constrains them. */
final class Inputs {

    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern SHARD_ID = Pattern.compile("[a-zA-Z0-9_.-]+");

    private Inputs() {
    }

    static String string(ObjectNode input, String member) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw KinesisErrors.SERIALIZATION.error("Member " + member + " must be a string");
        }
        return node.textValue();
    }

    static String required(ObjectNode input, String member, String camelName) {
        String value = string(input, member);
        if (value == null) {
            throw KinesisErrors.validation(null, camelName, "not be null");
        }
        return value;
    }

    static Integer integer(ObjectNode input, String member) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw KinesisErrors.SERIALIZATION.error("Member " + member + " must be an integer");
        }
        return node.intValue();
    }

    static byte[] blob(ObjectNode input, String member, String camelName) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            throw KinesisErrors.validation(null, camelName, "not be null");
        }
        try {
            // CBOR sends a byte string (binary node); JSON a base64 string, which binaryValue() decodes.
            byte[] bytes = node.binaryValue();
            if (bytes == null) {
                throw new IOException("not a blob");
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw KinesisErrors.SERIALIZATION.error("Member " + member + " must be base64-encoded binary data");
        }
    }

    static Instant timestamp(ObjectNode input, String member) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Timestamps.read(node);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.SERIALIZATION.error("Member " + member + " must be a timestamp");
        }
    }

    /** Checks a stream name: 1 to 128 characters of [a-zA-Z0-9_.-]. */
    static String streamName(String name, String camelName) {
        if (name.isEmpty()) {
            throw KinesisErrors.validation(name, camelName, "have length greater than or equal to 1");
        }
        if (name.length() > 128) {
            throw KinesisErrors.validation(name, camelName, "have length less than or equal to 128");
        }
        if (!STREAM_NAME.matcher(name).matches()) {
            throw KinesisErrors.validation(name, camelName, "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    static String shardId(String shardId, String camelName) {
        if (shardId.isEmpty() || shardId.length() > 128 || !SHARD_ID.matcher(shardId).matches()) {
            throw KinesisErrors.validation(shardId, camelName,
                    "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return shardId;
    }

    /** Checks a partition key: 1 to 256 characters. */
    static void partitionKey(String key, String camelName) {
        if (key.isEmpty()) {
            throw KinesisErrors.validation(key, camelName, "have length greater than or equal to 1");
        }
        if (key.length() > 256) {
            throw KinesisErrors.validation(key, camelName, "have length less than or equal to 256");
        }
    }
}
