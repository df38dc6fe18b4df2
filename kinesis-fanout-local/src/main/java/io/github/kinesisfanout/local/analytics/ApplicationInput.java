package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The streaming input of an application, as configured (immutable; updates make a new one).
 *
 * @param id the InputId, e.g. {@code 1.1}
 * @param namePrefix the in-application stream name prefix
 * @param streamArn the ResourceARN of the KinesisStreamsInput, or of the KinesisFirehoseInput (a delivery
 *     stream ARN, which is how the two are told apart)
 * @param roleArn the source's RoleARN
 * @param parallelism the InputParallelism Count, 1 to 64
 * @param schema the InputSchema (SourceSchema) as given
 * @param processing the InputProcessingConfiguration as given, or null
 * @param startingPosition the position of the last start, or null when never started
 */
record ApplicationInput(String id, String namePrefix, String streamArn, String roleArn, int parallelism,
        ObjectNode schema, ObjectNode processing, String startingPosition) {

    static final String KINESIS = "KinesisStreamsInput";
    static final String FIREHOSE = "KinesisFirehoseInput";

    /** Whether the source is a Firehose delivery stream (KinesisFirehoseInput) rather than a Kinesis stream. */
    boolean fromFirehose() {
        return DeliveryStreamLink.isDeliveryStreamArn(streamArn);
    }

    /** The member the source is given in: {@code KinesisStreamsInput} or {@code KinesisFirehoseInput}. */
    String sourceMember() {
        return fromFirehose() ? FIREHOSE : KINESIS;
    }

    /**
     * A KinesisFirehoseInput names a delivery stream ({@code arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME}),
     * a KinesisStreamsInput anything else; InvalidArgumentException naming {@code at} otherwise.
     */
    static void checkSource(String member, String resourceArn, String at) {
        boolean deliveryStream = DeliveryStreamLink.isDeliveryStreamArn(resourceArn);
        if (FIREHOSE.equals(member) && !deliveryStream) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error(
                    "Value '" + resourceArn + "' at '" + at + "' is not a delivery stream"
                    + " ARN: a KinesisFirehoseInput reads arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME.");
        }
        if (KINESIS.equals(member) && deliveryStream) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error(
                    "Value '" + resourceArn + "' at '" + at + "' is a delivery stream"
                    + " ARN: read a delivery stream with KinesisFirehoseInput.");
        }
    }

    /** {@code P_001} ... {@code P_00N}: the three-digit zero-padded names AWS creates (quoted). */
    List<String> inAppStreamNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= parallelism; i++) {
            names.add(String.format("%s_%03d", namePrefix, i));
        }
        return names;
    }

    ApplicationInput withStartingPosition(String position) {
        return new ApplicationInput(id, namePrefix, streamArn, roleArn, parallelism, schema, processing, position);
    }
}
