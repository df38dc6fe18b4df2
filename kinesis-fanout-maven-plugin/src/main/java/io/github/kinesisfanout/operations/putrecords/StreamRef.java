package io.github.kinesisfanout.operations.putrecords;

import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;

/**
 * A stream named by its name or its ARN ({@code arn:aws:kinesis:us-east-1:000000000000:stream/Name});
 * requests carry whichever the user gave, as Kinesis accepts either.
 *
 * @param name the stream's name (taken from the ARN when given one)
 * @param arn the ARN, or null when named by name
 */
public record StreamRef(String name, String arn) {

    /** Parses the {@code streamName} setting. */
    public static StreamRef parse(String nameOrArn) {
        String value = nameOrArn.trim();
        if (value.startsWith("arn:")) {
            int slash = value.indexOf(":stream/");
            return new StreamRef(slash < 0 ? value : value.substring(slash + ":stream/".length()), value);
        }
        return new StreamRef(value, null);
    }

    /** The name or ARN the user gave, for messages. */
    public String display() {
        return arn != null ? arn : name;
    }

    DescribeStreamSummaryRequest describeRequest() {
        DescribeStreamSummaryRequest.Builder request = DescribeStreamSummaryRequest.builder();
        return (arn != null ? request.streamARN(arn) : request.streamName(name)).build();
    }

    PutRecordsRequest.Builder putRecords() {
        PutRecordsRequest.Builder request = PutRecordsRequest.builder();
        return arn != null ? request.streamARN(arn) : request.streamName(name);
    }
}
