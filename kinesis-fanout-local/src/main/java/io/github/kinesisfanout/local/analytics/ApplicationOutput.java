package io.github.kinesisfanout.local.analytics;

/**
 * One output of an application: an in-application stream written to a destination.
 *
 * @param id the OutputId, e.g. {@code 1.1}
 * @param name the in-application stream name, exact case
 * @param destination the destination member: {@code KinesisStreamsOutput}, {@code KinesisFirehoseOutput}
 *     or {@code LambdaOutput}
 * @param resourceArn the destination ARN
 * @param roleArn the role ARN
 * @param recordFormatType the DestinationSchema RecordFormatType, {@code JSON} or {@code CSV}
 */
record ApplicationOutput(String id, String name, String destination, String resourceArn, String roleArn,
        String recordFormatType) {

    static final String KINESIS = "KinesisStreamsOutput";
    static final String LAMBDA = "LambdaOutput";
    static final String FIREHOSE = "KinesisFirehoseOutput";
}
