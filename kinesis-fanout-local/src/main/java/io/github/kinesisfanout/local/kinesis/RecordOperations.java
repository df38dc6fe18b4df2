package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** PutRecord, PutRecords, GetShardIterator and GetRecords over the wire. */
final class RecordOperations {

    /** PutRecords takes at most 500 records... */
    static final int MAX_PUT_RECORDS = 500;
    /** ...and 5 MiB in all, partition keys included. */
    static final long MAX_PUT_RECORDS_BYTES = 5L * 1024 * 1024;

    private final StreamManager streams;
    private final RecordWriter writer;
    private final RecordReader reader;
    private final KinesisConfig config;

    RecordOperations(StreamManager streams, RecordWriter writer, RecordReader reader, KinesisConfig config) {
        this.streams = streams;
        this.writer = writer;
        this.reader = reader;
        this.config = config;
    }

    JsonNode putRecord(ObjectNode input, RequestContext ctx) {
        PutRecordsEntry entry = new PutRecordsEntry(KinesisErrors.MEMBERS.requiredString(input, "PartitionKey", "partitionKey"),
                KinesisErrors.MEMBERS.blob(input, "Data", "data"), KinesisErrors.MEMBERS.string(input, "ExplicitHashKey"));
        RecordWriter.validate(entry, "");
        String ordering = KinesisErrors.MEMBERS.string(input, "SequenceNumberForOrdering");
        if (ordering != null && !ordering.matches("0|([1-9]\\d{0,128})")) {
            throw KinesisErrors.validation(ordering, "sequenceNumberForOrdering",
                    "satisfy regular expression pattern: 0|([1-9]\\d{0,128})");
        }
        Stream stream = streams.resolveForData(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"),
                KinesisErrors.MEMBERS.string(input, "StreamARN"));
        // Sequence numbers only grow within a shard, so every new one already exceeds any
        // SequenceNumberForOrdering the caller got from that shard.
        PutRecordsResultEntry result = writer.write(stream, List.of(entry), false, true).get(0);
        if (result.failed()) {
            throw KinesisErrors.entryFailed(result);
        }
        ObjectNode out = KinesisJson.object();
        out.put("ShardId", result.shardId());
        out.put("SequenceNumber", result.sequenceNumber());
        out.put("EncryptionType", "NONE");
        return out;
    }

    JsonNode putRecords(ObjectNode input, RequestContext ctx) {
        JsonNode records = input.get("Records");
        if (records == null || records.isNull()) {
            throw KinesisErrors.validation(null, "records", "not be null");
        }
        if (!records.isArray()) {
            throw KinesisErrors.SERIALIZATION.error("Member Records must be a list");
        }
        if (records.size() < 1) {
            throw KinesisErrors.validation("[]", "records", "have length greater than or equal to 1");
        }
        if (records.size() > MAX_PUT_RECORDS) {
            throw KinesisErrors.validation(abbreviated(records), "records",
                    "have length less than or equal to " + MAX_PUT_RECORDS);
        }
        List<PutRecordsEntry> entries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!record.isObject()) {
                throw KinesisErrors.SERIALIZATION.error("Records must be structures");
            }
            entries.add(entry((ObjectNode) record, i));
        }
        checkTotalSize(entries);
        return putRecords(entries, KinesisErrors.MEMBERS.string(input, "StreamName"),
                KinesisErrors.MEMBERS.string(input, "StreamARN"), ctx);
    }

    /** PutRecords of an input {@link PutRecordsReader} read, its records each valid already. */
    JsonNode putRecords(PutRecordsInput input, RequestContext ctx) {
        checkTotalSize(input.records());
        return putRecords(input.records(), input.streamName(), input.streamArn(), ctx);
    }

    private static void checkTotalSize(List<PutRecordsEntry> entries) {
        long total = 0;
        for (PutRecordsEntry entry : entries) {
            total += entry.data().length + entry.partitionKey().length();
        }
        if (total > MAX_PUT_RECORDS_BYTES) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Records size exceeds 5 MB limit");
        }
    }

    private JsonNode putRecords(List<PutRecordsEntry> entries, String streamName, String streamArn, RequestContext ctx) {
        Stream stream = streams.resolveForData(ctx, streamName, streamArn);
        WrittenRecords results = writer.writeBatch(stream, entries, true, true);
        ObjectNode out = KinesisJson.object();
        out.put("FailedRecordCount", results.failedCount());
        out.set("Records", StreamedRecords.putResults(results));
        out.put("EncryptionType", "NONE");
        return out;
    }

    /**
     * The entry of {@code Records[index]}, validated. The member names of the messages
     * ({@code records.1.member.partitionKey}) are only built when an entry is invalid.
     */
    private static PutRecordsEntry entry(ObjectNode fields, int index) {
        String partitionKey = KinesisErrors.MEMBERS.string(fields, "PartitionKey");
        JsonNode data = fields.get("Data");
        if (partitionKey != null && data != null && !data.isNull()) {
            PutRecordsEntry entry = new PutRecordsEntry(partitionKey, KinesisErrors.MEMBERS.blob(fields, "Data", "data"),
                    KinesisErrors.MEMBERS.string(fields, "ExplicitHashKey"));
            if (RecordWriter.isValid(entry)) {
                return entry;
            }
        }
        String member = "records." + (index + 1) + ".member.";
        PutRecordsEntry entry = new PutRecordsEntry(KinesisErrors.MEMBERS.requiredString(fields, "PartitionKey", member + "partitionKey"),
                KinesisErrors.MEMBERS.blob(fields, "Data", member + "data"), KinesisErrors.MEMBERS.string(fields, "ExplicitHashKey"));
        RecordWriter.validate(entry, member);
        return entry;
    }

    private static String abbreviated(JsonNode records) {
        return "[" + records.size() + " records]";
    }

    JsonNode getShardIterator(ObjectNode input, RequestContext ctx) {
        Stream stream = streams.resolveForData(ctx, KinesisErrors.MEMBERS.string(input, "StreamName"),
                KinesisErrors.MEMBERS.string(input, "StreamARN"));
        String shardId = Names.shardId(KinesisErrors.MEMBERS.requiredString(input, "ShardId", "shardId"), "shardId");
        String type = KinesisErrors.MEMBERS.requiredString(input, "ShardIteratorType", "shardIteratorType");
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw KinesisErrors.shardNotFound(shardId, stream);
        }
        Instant timestamp = KinesisErrors.MEMBERS.timestamp(input, "Timestamp");
        if (type.equals("AT_TIMESTAMP") && timestamp == null) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Must specify timestampInMillis parameter for iterator of type "
                    + "AT_TIMESTAMP. Current request has no timestamp parameter.");
        }
        StartingPosition position = new StartingPosition(type, KinesisErrors.MEMBERS.string(input, "StartingSequenceNumber"),
                timestamp);
        long counter = reader.counterOf(stream, shard, position);
        ObjectNode out = KinesisJson.object();
        out.put("ShardIterator", ShardIterators.encode(stream, shard, counter, streams.now()));
        return out;
    }

    JsonNode getRecords(ObjectNode input, RequestContext ctx) {
        String iterator = KinesisErrors.MEMBERS.requiredString(input, "ShardIterator", "shardIterator");
        if (iterator.isEmpty() || iterator.length() > 512) {
            throw KinesisErrors.validation(iterator, "shardIterator",
                    "have length less than or equal to 512");
        }
        int limit = StreamOperations.limit(input, "Limit", RecordReader.MAX_RECORDS, RecordReader.MAX_RECORDS);
        ShardIterators.Decoded decoded = ShardIterators.decode(iterator);
        long now = streams.now();
        if (now - decoded.createdMillis() > ShardIterators.TTL_MILLIS) {
            throw KinesisErrors.expiredIterator(decoded.createdMillis(), now, ShardIterators.TTL_MILLIS);
        }
        Stream stream = streams.resolveForData(new RequestContext(ctx.requestId(), decoded.accountId(),
                decoded.region()), decoded.streamName(), null);
        if (stream.createdMillis() != decoded.streamCreatedMillis()) {
            throw KinesisErrors.invalidIterator();
        }
        Shard shard = stream.shard(decoded.shardId());
        if (shard == null) {
            throw KinesisErrors.shardNotFound(decoded.shardId(), stream);
        }
        if (config.throughputLimits() && !shard.meter().tryRead(now)) {
            throw KinesisErrors.throughputExceeded(shard, stream);
        }
        StoredRead result = reader.readStored(stream, shard, decoded.counter(), limit);
        ObjectNode out = KinesisJson.object();
        out.set("Records", StreamedRecords.records(shard, result.records()));
        if (config.throughputLimits()) {
            long bytes = 0;
            for (StoredRecord record : result.records()) {
                bytes += record.size();
            }
            shard.meter().addReadBytes(now, bytes);
        }
        if (!result.ended()) {
            out.put("NextShardIterator", ShardIterators.encode(stream, shard, result.nextCounter(), now));
        }
        out.put("MillisBehindLatest", result.millisBehindLatest());
        if (result.ended()) {
            out.set("ChildShards", KinesisJson.childShards(result.childShards()));
        }
        return out;
    }
}
