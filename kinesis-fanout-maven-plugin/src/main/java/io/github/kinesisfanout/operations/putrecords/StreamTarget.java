package io.github.kinesisfanout.operations.putrecords;

import io.github.kinesisfanout.operations.AwsErrors;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Makes sure the target stream exists and accepts writes, creating it on request. */
final class StreamTarget {

    private final KinesisClient kinesis;
    private final Polling polling;
    private final ProgressListener listener;

    StreamTarget(KinesisClient kinesis, Polling polling, ProgressListener listener) {
        this.kinesis = kinesis;
        this.polling = polling;
        this.listener = listener;
    }

    /**
     * Waits until the stream is ACTIVE or UPDATING (both accept PutRecords); creates it with
     * {@code shardCount} shards first when it is missing and {@code create} is set.
     */
    void ensureWritable(StreamRef stream, boolean create, int shardCount, String endpoint) {
        StreamStatus status;
        try {
            status = status(stream);
        } catch (ResourceNotFoundException e) {
            if (!create) {
                throw HelpfulSuggestions.streamNotFound(stream.display(), endpoint, AwsErrors.describe(e));
            }
            createStream(stream, shardCount);
            status = StreamStatus.CREATING;
        }
        if (!writable(status)) {
            polling.until("stream " + stream.name(), () -> status(stream), StreamTarget::writable);
        }
    }

    private void createStream(StreamRef stream, int shardCount) {
        listener.info("Creating stream " + stream.name() + " with " + shardCount + " shard(s)");
        try {
            kinesis.createStream(CreateStreamRequest.builder().streamName(stream.name()).shardCount(shardCount).build());
        } catch (ResourceInUseException e) {
            // Another build created it in between; CreateStream reports that as ResourceInUseException.
            listener.debug("Stream " + stream.name() + " already exists: " + AwsErrors.describe(e));
        }
    }

    private StreamStatus status(StreamRef stream) {
        return kinesis.describeStreamSummary(stream.describeRequest()).streamDescriptionSummary().streamStatus();
    }

    private static boolean writable(StreamStatus status) {
        return status == StreamStatus.ACTIVE || status == StreamStatus.UPDATING;
    }
}
