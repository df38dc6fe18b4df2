package io.github.kinesisfanout.operations;

import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** A Kinesis stream's ARN from its name (DescribeStreamSummary) or from its ARN as given. */
public final class StreamArns {

    private final AwsClientFactory clients;

    public StreamArns(AwsClientFactory clients) {
        this.clients = clients;
    }

    /** The ARN of {@code stream}, a name or an ARN; a stream that does not exist fails naming it. */
    public String arn(String stream) {
        if (stream.startsWith("arn:")) {
            return stream;
        }
        try (KinesisClient kinesis = clients.kinesis()) {
            return kinesis.describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary().streamARN();
        } catch (ResourceNotFoundException e) {
            throw new FanoutException("Stream '" + stream + "' does not exist (" + AwsErrors.describe(e) + "): create"
                    + " it first (deploy-stack) or fix the stream in <outputs> (-D" + PropertyNames.OUTPUTS + "=" + OutputMapping.SYNTAX
                    + ")", e);
        }
    }
}
