package io.github.kinesisfanout.local.kinesis.access;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.KinesisErrors;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import io.github.kinesisfanout.local.kinesis.PutRecordsEntry;
import io.github.kinesisfanout.local.kinesis.PutRecordsResultEntry;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link StreamAccess} over the Kinesis service's typed Java API, in the account and region named
 * by each stream ARN ({@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}), with its validation
 * and errors.
 */
public final class KinesisStreamAccess implements StreamAccess {

    private final Supplier<KinesisService> kinesis;

    /** @param kinesis the Kinesis service, looked up when first used */
    public KinesisStreamAccess(Supplier<KinesisService> kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public List<ShardInfo> listShards(String streamArn) {
        return kinesis.get().listShards(context(streamArn), name(streamArn));
    }

    @Override
    public ReadResult read(String streamArn, String shardId, StartingPosition from, int limit) {
        return kinesis.get().getRecords(context(streamArn), name(streamArn), shardId, from, limit);
    }

    @Override
    public boolean awaitData(String streamArn, String shardId, StartingPosition from, Duration timeout)
            throws InterruptedException {
        return kinesis.get().awaitData(context(streamArn), name(streamArn), shardId, from, timeout);
    }

    @Override
    public List<PutRecordsResultEntry> putRecords(String streamArn, List<PutRecordsEntry> records) {
        return kinesis.get().putRecords(context(streamArn), name(streamArn), records);
    }

    private static RequestContext context(String streamArn) {
        String[] parts = streamArn.split(":", 6);
        if (parts.length != 6 || !parts[5].startsWith("stream/")) {
            throw notAStreamArn(streamArn);
        }
        return new RequestContext(UUID.randomUUID().toString(), parts[4], parts[3]);
    }

    private static String name(String streamArn) {
        int slash = streamArn.indexOf(":stream/");
        if (slash < 0) {
            throw notAStreamArn(streamArn);
        }
        return streamArn.substring(slash + ":stream/".length());
    }

    private static AwsServiceException notAStreamArn(String streamArn) {
        return KinesisErrors.INVALID_ARGUMENT.error("Not a Kinesis stream ARN: " + streamArn);
    }
}
