package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** The core Kinesis round trip with a real SDK client; subclasses pick the wire encoding. */
abstract class AbstractKinesisIT {

    protected LocalCloud cloud;
    protected KinesisClient kinesis;

    protected final KinesisClients.ContentTypes contentTypes = new KinesisClients.ContentTypes();

    /** A client recording its content types in {@link #contentTypes}. */
    protected abstract KinesisClient client(URI endpoint);

    /** The content type this encoding must use both ways. */
    protected abstract String expectedContentType();

    @BeforeEach
    void startCloud() {
        cloud = LocalCloud.builder().build().start();
        kinesis = client(cloud.endpoint());
    }

    @AfterEach
    void stopCloud() {
        kinesis.close();
        cloud.close();
    }

    protected static SdkBytes bytes(String text) {
        return SdkBytes.fromString(text, StandardCharsets.UTF_8);
    }

    protected String shardIterator(String stream, String shardId, ShardIteratorType type) {
        return kinesis.getShardIterator(r -> r.streamName(stream).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    @Test
    void createDescribePutGetDelete() {
        Instant before = Instant.now().minusSeconds(1);
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(2));

        StreamDescription description = kinesis.describeStream(r -> r.streamName("Transactions")).streamDescription();
        assertEquals(StreamStatus.ACTIVE, description.streamStatus());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/Transactions", description.streamARN());
        assertEquals(2, description.shards().size());
        assertEquals("shardId-000000000000", description.shards().get(0).shardId());
        assertEquals("0", description.shards().get(0).hashKeyRange().startingHashKey());
        assertEquals("170141183460469231731687303715884105727", description.shards().get(0).hashKeyRange().endingHashKey());
        assertEquals(HashKeys.MAX.toString(), description.shards().get(1).hashKeyRange().endingHashKey());
        assertFalse(description.hasMoreShards());
        assertEquals(24, description.retentionPeriodHours());
        assertTrue(description.streamCreationTimestamp().isAfter(before), description.streamCreationTimestamp()::toString);
        assertTrue(description.streamCreationTimestamp().isBefore(Instant.now().plusSeconds(1)));

        StreamDescriptionSummary summary = kinesis.describeStreamSummary(r -> r.streamName("Transactions"))
                .streamDescriptionSummary();
        assertEquals(2, summary.openShardCount());
        assertEquals(description.streamCreationTimestamp(), summary.streamCreationTimestamp());

        List<Shard> shards = kinesis.listShards(r -> r.streamName("Transactions")).shards();
        assertEquals(2, shards.size());

        PutRecordResponse put = kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("alice")
                .data(bytes("{\"ID\":1}")));
        BigInteger expectedHash = HashKeys.of("alice");
        Shard owner = shards.stream().filter(s -> new BigInteger(s.hashKeyRange().startingHashKey())
                .compareTo(expectedHash) <= 0 && new BigInteger(s.hashKeyRange().endingHashKey())
                .compareTo(expectedHash) >= 0).findFirst().orElseThrow();
        assertEquals(owner.shardId(), put.shardId());
        assertEquals(56, put.sequenceNumber().length());

        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("alice").data(bytes("{\"ID\":" + (i + 2) + "}"))
                    .build());
        }
        PutRecordsResponse puts = kinesis.putRecords(r -> r.streamName("Transactions").records(entries));
        assertEquals(0, puts.failedRecordCount());
        assertEquals(10, puts.records().size());

        String iterator = shardIterator("Transactions", owner.shardId(), ShardIteratorType.TRIM_HORIZON);
        GetRecordsResponse got = kinesis.getRecords(r -> r.shardIterator(iterator));
        List<Record> records = got.records();
        assertEquals(11, records.size());
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            assertEquals("{\"ID\":" + (i + 1) + "}", record.data().asUtf8String());
            assertEquals("alice", record.partitionKey());
            Instant arrival = record.approximateArrivalTimestamp();
            assertTrue(arrival.isAfter(before) && arrival.isBefore(Instant.now().plusSeconds(1)), arrival::toString);
            if (i > 0) {
                assertTrue(new BigInteger(record.sequenceNumber())
                        .compareTo(new BigInteger(records.get(i - 1).sequenceNumber())) > 0);
            }
        }
        assertEquals(put.sequenceNumber(), records.get(0).sequenceNumber());
        assertEquals(0L, got.millisBehindLatest());
        assertNotNull(got.nextShardIterator());
        assertTrue(kinesis.getRecords(r -> r.shardIterator(got.nextShardIterator())).records().isEmpty());

        // A request timestamp (epoch seconds in JSON, tagged epoch milliseconds in CBOR) round-trips.
        Instant arrival = records.get(0).approximateArrivalTimestamp();
        String atTimestamp = kinesis.getShardIterator(r -> r.streamName("Transactions").shardId(owner.shardId())
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(arrival)).shardIterator();
        assertEquals(11, kinesis.getRecords(r -> r.shardIterator(atTimestamp)).records().size());
        String afterAll = kinesis.getShardIterator(r -> r.streamName("Transactions").shardId(owner.shardId())
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP)
                .timestamp(records.get(10).approximateArrivalTimestamp().plusMillis(1))).shardIterator();
        assertTrue(kinesis.getRecords(r -> r.shardIterator(afterAll)).records().isEmpty());

        kinesis.deleteStream(r -> r.streamName("Transactions"));
        assertTrue(kinesis.listStreams().streamNames().isEmpty());
        assertEquals(java.util.Set.of(expectedContentType()), contentTypes.requests);
        assertEquals(java.util.Set.of(expectedContentType()), contentTypes.responses);
    }

    @Test
    void errorsDecodeInThisEncoding() {
        var missing = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException.class,
                () -> kinesis.describeStreamSummary(r -> r.streamName("nope")));
        assertEquals("Stream nope under account 000000000000 not found.", missing.awsErrorDetails().errorMessage());
        assertEquals(400, missing.statusCode());
        assertNotNull(missing.requestId());
        var invalid = org.junit.jupiter.api.Assertions.assertThrows(
                software.amazon.awssdk.services.kinesis.model.KinesisException.class,
                () -> kinesis.createStream(r -> r.streamName("bad/name").shardCount(1)));
        assertEquals("ValidationException", invalid.awsErrorDetails().errorCode());
        kinesis.createStream(r -> r.streamName("splitme").shardCount(1));
        kinesis.splitShard(r -> r.streamName("splitme").shardToSplit("shardId-000000000000")
                .newStartingHashKey("1000"));
        GetRecordsResponse end = kinesis.getRecords(r -> r.shardIterator(
                shardIterator("splitme", "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)));
        assertEquals(null, end.nextShardIterator());
        assertEquals(2, end.childShards().size());
        assertEquals("1000", end.childShards().get(1).hashKeyRange().startingHashKey());
    }

    @Test
    void typedApiSeesWireRecordsAndWaitsForData() throws Exception {
        kinesis.createStream(r -> r.streamName("Typed").shardCount(1));
        var ctx = new io.github.kinesisfanout.local.edge.RequestContext("test", "000000000000", "us-east-1");
        KinesisService service = cloud.kinesis();
        assertFalse(service.awaitData(ctx, "Typed", "shardId-000000000000", StartingPosition.trimHorizon(),
                Duration.ofMillis(10)));
        kinesis.putRecord(r -> r.streamName("Typed").partitionKey("k").data(bytes("one")));
        assertTrue(service.awaitData(ctx, "Typed", "shardId-000000000000", StartingPosition.trimHorizon(),
                Duration.ofSeconds(5)));
        ReadResult read = service.getRecords(ctx, "Typed", "shardId-000000000000", StartingPosition.trimHorizon(),
                100);
        assertEquals(1, read.records().size());
        assertEquals("one", new String(read.records().get(0).data(), StandardCharsets.UTF_8));
        assertNotNull(read.nextPosition());
        ReadResult next = service.getRecords(ctx, "Typed", "shardId-000000000000", read.nextPosition(), 100);
        assertTrue(next.records().isEmpty());
        service.putRecords(ctx, "Typed", List.of(new PutRecordsEntry("k", "two".getBytes(StandardCharsets.UTF_8))));
        GetRecordsResponse wire = kinesis.getRecords(r -> r.shardIterator(
                shardIterator("Typed", "shardId-000000000000", ShardIteratorType.TRIM_HORIZON)));
        assertEquals(List.of("one", "two"), wire.records().stream().map(rec -> rec.data().asUtf8String()).toList());
    }
}
