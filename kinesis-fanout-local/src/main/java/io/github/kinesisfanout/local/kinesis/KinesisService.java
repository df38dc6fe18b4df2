package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.StreamedOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Kinesis Data Streams: the AWS operations by name for the wire, and a typed API for readers and
 * writers in the same JVM (the Kinesis Analytics runner, Lambda event source mappings) that goes
 * through the same validation and limits, without HTTP or JSON.
 */
public final class KinesisService implements AwsService, AutoCloseable {

    /** The X-Amz-Target prefix of its JSON 1.1 operations. */
    public static final String TARGET_PREFIX = "Kinesis_20131202";

    private final StreamManager streams;
    private final RecordWriter writer;
    private final RecordReader reader;
    private final Map<String, BiFunction<ObjectNode, RequestContext, JsonNode>> operations;
    private final ScheduledFuture<?> trimming;
    private final StreamedOperation<PutRecordsInput> streamedPutRecords;

    /** A Kinesis service with AWS's behaviour and no opt-in switches. */
    public KinesisService(ServiceContext context) {
        this(context, KinesisConfig.defaults());
    }

    /**
     * A Kinesis service whose streams and records live in the context's data directory when it has one
     * (record payloads in memory up to the data directory's Kinesis share of its memory budget), else in memory.
     */
    public KinesisService(ServiceContext context, KinesisConfig config) {
        this(context, config, context.dataDirectory().<StreamStore>map(d -> new DurableStreamStore(
                d.serviceDirectory("kinesis"), DurableStreamStore.SEGMENT_BYTES, d.memoryBudget().kinesisBytes()))
                .orElseGet(InMemoryStreamStore::new));
    }

    KinesisService(ServiceContext context, KinesisConfig config, StreamStore store) {
        this.streams = new StreamManager(store, context);
        streams.resumeTransitions();
        this.writer = new RecordWriter(config, context.clock());
        this.reader = new RecordReader(streams);
        StreamOperations streamOps = new StreamOperations(streams);
        ShardOperations shardOps = new ShardOperations(streams);
        RecordOperations recordOps = new RecordOperations(streams, writer, reader, config);
        this.streamedPutRecords = PutRecordsReader.operation(recordOps);
        ReshardOperations reshardOps = new ReshardOperations(streams);
        StreamSettingsOperations settingsOps = new StreamSettingsOperations(streams);
        AccountOperations accountOps = new AccountOperations(streams);
        this.operations = Map.ofEntries(
                Map.entry("CreateStream", streamOps::createStream),
                Map.entry("DeleteStream", streamOps::deleteStream),
                Map.entry("DescribeStream", streamOps::describeStream),
                Map.entry("DescribeStreamSummary", streamOps::describeStreamSummary),
                Map.entry("ListStreams", streamOps::listStreams),
                Map.entry("ListShards", shardOps::listShards),
                Map.entry("PutRecord", recordOps::putRecord),
                Map.entry("PutRecords", recordOps::putRecords),
                Map.entry("GetShardIterator", recordOps::getShardIterator),
                Map.entry("GetRecords", recordOps::getRecords),
                Map.entry("SplitShard", reshardOps::splitShard),
                Map.entry("MergeShards", reshardOps::mergeShards),
                Map.entry("UpdateShardCount", reshardOps::updateShardCount),
                Map.entry("IncreaseStreamRetentionPeriod", settingsOps::increaseRetention),
                Map.entry("DecreaseStreamRetentionPeriod", settingsOps::decreaseRetention),
                Map.entry("AddTagsToStream", settingsOps::addTags),
                Map.entry("RemoveTagsFromStream", settingsOps::removeTags),
                Map.entry("ListTagsForStream", settingsOps::listTags),
                Map.entry("DescribeLimits", accountOps::describeLimits),
                Map.entry("UpdateStreamMode", accountOps::updateStreamMode));
        // Reads trim lazily; this sweep also frees memory of streams nobody reads.
        this.trimming = context.scheduler().scheduleWithFixedDelay(streams::trimAll, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public String signingName() {
        return "kinesis";
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        BiFunction<ObjectNode, RequestContext, JsonNode> handler = operations.get(operation);
        if (handler == null) {
            throw AwsServiceException.notSupported("Kinesis", operation);
        }
        return handler.apply(input, context);
    }

    /** PutRecords is read from its body with no tree (up to 500 records a call); the others from the tree. */
    @Override
    public StreamedOperation<?> streamed(String operation) {
        return operation.equals("PutRecords") ? streamedPutRecords : null;
    }

    @Override
    public void close() {
        trimming.cancel(false);
        streams.close();
    }

    // ---- typed API for consumers in the same JVM ----

    /** Writes one record; throws AwsServiceException as PutRecord would. */
    public PutRecordsResultEntry putRecord(RequestContext ctx, String streamName, PutRecordsEntry entry) {
        RecordWriter.validate(entry, "");
        Stream stream = streams.resolveForData(ctx, streamName, null);
        PutRecordsResultEntry result = writer.write(stream, List.of(entry), false, false).get(0);
        if (result.failed()) {
            throw KinesisErrors.entryFailed(result);
        }
        return result;
    }

    /**
     * Writes records (any number; no per-call limit in the JVM); results mirror the order. Random
     * failures and throttling apply only to the wire API.
     */
    public List<PutRecordsResultEntry> putRecords(RequestContext ctx, String streamName,
            List<PutRecordsEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            RecordWriter.validate(entries.get(i), "records." + (i + 1) + ".member.");
        }
        return writer.write(streams.resolveForData(ctx, streamName, null), entries, false, false);
    }

    /** Every shard of a stream (open and closed), in shard id order. */
    public List<ShardInfo> listShards(RequestContext ctx, String streamName) {
        List<ShardInfo> shards = new ArrayList<>();
        for (Shard shard : streams.resolve(ctx, streamName, null).shards()) {
            shards.add(shard.info());
        }
        return shards;
    }

    /** The ARN of a stream; ResourceNotFoundException when it does not exist. */
    public String streamArn(RequestContext ctx, String streamName) {
        return streams.resolve(ctx, streamName, null).arn();
    }

    /** The status of a stream (CREATING, ACTIVE, UPDATING, DELETING); ResourceNotFoundException if none. */
    public String streamStatus(RequestContext ctx, String streamName) {
        return streams.resolve(ctx, streamName, null).status();
    }

    /**
     * Reads up to {@code limit} records (1..10,000; 10 MiB at most) of a shard from a position; continue
     * with {@link ReadResult#nextPosition()}. Iterators do not expire here.
     */
    public ReadResult getRecords(RequestContext ctx, String streamName, String shardId, StartingPosition position,
            int limit) {
        if (limit < 1 || limit > RecordReader.MAX_RECORDS) {
            throw KinesisErrors.validation(limit, "limit", "have value between 1 and " + RecordReader.MAX_RECORDS);
        }
        Stream stream = streams.resolveForData(ctx, streamName, null);
        Shard shard = shard(stream, shardId);
        return reader.read(stream, shard, reader.counterOf(stream, shard, position), limit);
    }

    /**
     * Waits until a read from {@code position} would return a record, the shard is closed, or the
     * timeout passes, without polling.
     *
     * @return true when a record is there to read
     */
    public boolean awaitData(RequestContext ctx, String streamName, String shardId, StartingPosition position,
            Duration timeout) throws InterruptedException {
        Stream stream = streams.resolveForData(ctx, streamName, null);
        Shard shard = shard(stream, shardId);
        return shard.log().awaitCounter(reader.counterOf(stream, shard, position), timeout.toMillis());
    }

    /** How many records of a shard have their payload in memory (tests check the memory budget holds). */
    int cachedRecords(RequestContext ctx, String streamName, String shardId) {
        return shard(streams.resolve(ctx, streamName, null), shardId).log().cachedRecords();
    }

    private static Shard shard(Stream stream, String shardId) {
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw KinesisErrors.shardNotFound(shardId, stream);
        }
        return shard;
    }
}
