package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.edge.Members;

/**
 * Checks the names the Kinesis API model constrains (stream names, shard ids, partition keys);
 * the members themselves are read by {@link KinesisErrors#MEMBERS}.
 */
final class Names {

    private Names() {
    }

    /** Checks a stream name: 1 to 128 characters of [a-zA-Z0-9_.-]. */
    static String streamName(String name, String camelName) {
        if (name.isEmpty()) {
            throw KinesisErrors.validation(name, camelName, "have length greater than or equal to 1");
        }
        if (name.length() > 128) {
            throw KinesisErrors.validation(name, camelName, "have length less than or equal to 128");
        }
        if (!Members.NAME.matcher(name).matches()) {
            throw KinesisErrors.validation(name, camelName, "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    static String shardId(String shardId, String camelName) {
        if (shardId.isEmpty() || shardId.length() > 128 || !Members.NAME.matcher(shardId).matches()) {
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
