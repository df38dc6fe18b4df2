package io.github.kinesisfanout.operations.putrecords;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import java.util.HexFormat;
import java.util.Random;

/**
 * Chooses each record's partition key: {@code random} (spreads records over every shard), a fixed
 * value (every record to one shard), or {@code field:NAME} (the record's top-level field NAME, so
 * records of one user stay in order on one shard).
 */
public abstract class PartitionKeyStrategy {

    /** Kinesis partition keys are Unicode strings of 1 to 256 characters. */
    static final int MAX_KEY_LENGTH = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses the {@code partitionKey} setting.
     *
     * @param seed seeds the random keys, so a seeded run sends the same keys again
     */
    public static PartitionKeyStrategy parse(String spec, long seed) {
        if (spec == null || spec.isBlank()) {
            throw HelpfulSuggestions.invalidParameter("partitionKey", "fanout.partitionKey", spec,
                    "it must be 'random', 'field:NAME' or a fixed key");
        }
        if (spec.equals("random")) {
            return new RandomKeys(seed);
        }
        if (spec.startsWith("field:")) {
            String field = spec.substring("field:".length());
            if (field.isBlank()) {
                throw HelpfulSuggestions.invalidParameter("partitionKey", "fanout.partitionKey", spec,
                        "'field:' needs a field name, e.g. field:USERNAME");
            }
            return new FieldKeys(field);
        }
        if (spec.length() > MAX_KEY_LENGTH) {
            throw HelpfulSuggestions.invalidParameter("partitionKey", "fanout.partitionKey", spec,
                    "a fixed key has at most 256 characters");
        }
        return new FixedKey(spec);
    }

    /** The key of a record. */
    public abstract String keyFor(long recordNumber, String record);

    /** 128 random bits in hex, like the UUIDs most producers use. */
    private static final class RandomKeys extends PartitionKeyStrategy {
        private final Random random;

        RandomKeys(long seed) {
            this.random = new Random(seed ^ 0x5DEECE66DL);
        }

        @Override
        public String keyFor(long recordNumber, String record) {
            byte[] bits = new byte[16];
            random.nextBytes(bits);
            return HexFormat.of().formatHex(bits);
        }
    }

    /** The same key for every record. */
    private static final class FixedKey extends PartitionKeyStrategy {
        private final String key;

        FixedKey(String key) {
            this.key = key;
        }

        @Override
        public String keyFor(long recordNumber, String record) {
            return key;
        }
    }

    /** The text of a top-level field of the JSON record. */
    private static final class FieldKeys extends PartitionKeyStrategy {
        private final String field;

        FieldKeys(String field) {
            this.field = field;
        }

        @Override
        public String keyFor(long recordNumber, String record) {
            JsonNode value;
            try {
                value = JSON.readTree(record).get(field);
            } catch (JsonProcessingException e) {
                throw HelpfulSuggestions.partitionKeyFieldMissing(field, recordNumber, record);
            }
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw HelpfulSuggestions.partitionKeyFieldMissing(field, recordNumber, record);
            }
            String key = value.asText();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw HelpfulSuggestions.invalidPartitionKey(key, recordNumber);
            }
            return key;
        }
    }
}
