package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.Timestamps;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.time.Instant;

/**
 * The KinesisStreamSourceConfiguration of a {@code KinesisStreamAsSource} delivery stream: the
 * Kinesis stream it reads, the role it reads as (recorded, not enforced), and when reading started.
 *
 * @param deliveryStartTimestamp when the delivery stream started reading: records put to the
 *     Kinesis stream before it are not delivered, as Firehose starts at the stream's LATEST position
 *     (after a restart reading goes on from the delivery stream's {@link SourceCheckpoint} instead)
 */
record KinesisStreamSource(String kinesisStreamArn, String roleArn, Instant deliveryStartTimestamp) {

    static final String MEMBER = "KinesisStreamSourceConfiguration";
    private static final String STREAM_ARN = "arn:.*:kinesis:[a-zA-Z0-9\\-]+:\\d{12}:stream/[a-zA-Z0-9_.-]+";
    private static final String ROLE_ARN = "arn:.*:iam::\\d{12}:role/[a-zA-Z_0-9+=,.@\\-_/]+";

    static KinesisStreamSource parse(JsonNode config, Instant now) {
        if (config == null || config.isNull()) {
            throw FirehoseErrors.INVALID_ARGUMENT.error("DeliveryStreamType KinesisStreamAsSource needs a " + MEMBER
                    + " with the KinesisStreamARN to read and a RoleARN");
        }
        return new KinesisStreamSource(matching(config, "KinesisStreamARN", STREAM_ARN),
                matching(config, "RoleARN", ROLE_ARN), now);
    }

    /** The source as DescribeDeliveryStream lists it under {@code Source}. */
    ObjectNode description() {
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.putObject("KinesisStreamSourceDescription").put("KinesisStreamARN", kinesisStreamArn)
                .put("RoleARN", roleArn).set("DeliveryStartTimestamp", Timestamps.node(deliveryStartTimestamp));
        return source;
    }

    private static String matching(JsonNode config, String name, String pattern) {
        String at = "kinesisStreamSourceConfiguration." + (name.equals("RoleARN") ? "roleARN" : "kinesisStreamARN");
        String value = Members.text(config, name);
        if (value == null || value.isEmpty()) {
            throw ValidationErrors.missing(FirehoseErrors.INVALID_ARGUMENT, at);
        }
        if (value.length() > 512 || !value.matches(pattern)) {
            throw ValidationErrors.of(FirehoseErrors.INVALID_ARGUMENT, value, at,
                    "Member must satisfy regular expression pattern: " + pattern);
        }
        return value;
    }
}
