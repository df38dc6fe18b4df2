package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.ValidationErrors;

/**
 * An S3 destination (ExtendedS3DestinationConfiguration or S3DestinationConfiguration): bucket,
 * prefixes, buffering hints and compression. Only UNCOMPRESSED is written.
 *
 * @param member the request member it was given in
 */
record S3Destination(String member, String roleArn, String bucketArn, String prefix, String errorOutputPrefix,
        int sizeInMBs, int intervalInSeconds, String compressionFormat) {

    /** Firehose's defaults for S3: 5 MiB or 300 seconds, whichever comes first. */
    static final int DEFAULT_SIZE_MB = 5;
    static final int DEFAULT_INTERVAL_SECONDS = 300;

    static S3Destination parse(String member, JsonNode config) {
        String roleArn = required(config, member, "RoleARN");
        String bucketArn = required(config, member, "BucketARN");
        if (!bucketArn.matches("arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw ValidationErrors.of(FirehoseErrors.INVALID_ARGUMENT, bucketArn, camel(member) + ".bucketARN",
                    "Member must satisfy regular expression pattern: arn:.*:s3:::[\\w\\.\\-]{1,255}");
        }
        JsonNode hints = config.path("BufferingHints");
        int size = Members.integer(hints, "SizeInMBs", DEFAULT_SIZE_MB, FirehoseErrors.INVALID_ARGUMENT);
        int interval = Members.integer(hints, "IntervalInSeconds", DEFAULT_INTERVAL_SECONDS, FirehoseErrors.INVALID_ARGUMENT);
        range(member + ".BufferingHints.SizeInMBs", size, 1, 128);
        range(member + ".BufferingHints.IntervalInSeconds", interval, 0, 900);
        String compression = Members.text(config, "CompressionFormat", "UNCOMPRESSED");
        if (!compression.equals("UNCOMPRESSED")) {
            throw FirehoseErrors.notSupported(member + ".CompressionFormat " + compression);
        }
        for (String unsupported : new String[] {"DataFormatConversionConfiguration", "DynamicPartitioningConfiguration",
                "ProcessingConfiguration", "S3BackupConfiguration", "EncryptionConfiguration"}) {
            JsonNode given = config.get(unsupported);
            if (given != null && !given.isNull() && !disabled(given)) {
                throw FirehoseErrors.notSupported(member + "." + unsupported);
            }
        }
        return new S3Destination(member, roleArn, bucketArn, Members.text(config, "Prefix", ""),
                Members.text(config, "ErrorOutputPrefix", null), size, interval, compression);
    }

    /** The bucket's name, from its ARN. */
    String bucketName() {
        return bucketArn.substring(bucketArn.lastIndexOf(':') + 1);
    }

    /** The destination as DescribeDeliveryStream lists it. */
    ObjectNode description() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("RoleARN", roleArn).put("BucketARN", bucketArn).put("Prefix", prefix);
        if (errorOutputPrefix != null) {
            out.put("ErrorOutputPrefix", errorOutputPrefix);
        }
        out.putObject("BufferingHints").put("SizeInMBs", sizeInMBs).put("IntervalInSeconds", intervalInSeconds);
        out.put("CompressionFormat", compressionFormat);
        out.putObject("EncryptionConfiguration").put("NoEncryptionConfig", "NoEncryption");
        return out;
    }

    private static boolean disabled(JsonNode given) {
        return given.has("Enabled") && !given.path("Enabled").asBoolean(true)
                || given.isTextual() && given.asText().equals("Disabled")
                || given.path("NoEncryptionConfig").asText().equals("NoEncryption");
    }

    private static String required(JsonNode config, String member, String name) {
        String value = Members.text(config, name);
        if (value == null || value.isEmpty()) {
            throw ValidationErrors.missing(FirehoseErrors.INVALID_ARGUMENT, camel(member) + "." + camel(name));
        }
        return value;
    }

    private static void range(String member, int value, int min, int max) {
        if (value < min || value > max) {
            throw ValidationErrors.of(FirehoseErrors.INVALID_ARGUMENT,
                    value, member, "Member must have value between " + min
                    + " and " + max);
        }
    }

    private static String camel(String name) {
        return name.equals("RoleARN") ? "roleARN" : name.equals("BucketARN") ? "bucketARN"
                : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
