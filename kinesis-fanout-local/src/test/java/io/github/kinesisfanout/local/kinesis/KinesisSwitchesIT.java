package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** The opt-in switches: status transition delay, per-shard throughput limits, PutRecords failure rate. */
class KinesisSwitchesIT {

    private static List<PutRecordsRequestEntry> entries(int count, int size) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i)
                    .data(SdkBytes.fromByteArray(new byte[size])).build());
        }
        return entries;
    }

    /** Polls until a condition holds, failing after a timeout; never a fixed sleep. */
    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void statusTransitionsTakeTheConfiguredDelay() throws InterruptedException {
        try (LocalCloud cloud = LocalCloud.builder().statusTransitionDelay(Duration.ofMillis(300)).build().start();
                KinesisClient kinesis = KinesisClients.cbor(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("slow").shardCount(1));
            assertEquals(StreamStatus.CREATING, kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus());
            assertThrows(ResourceNotFoundException.class, () -> kinesis.putRecord(r -> r.streamName("slow")
                    .partitionKey("k").data(SdkBytes.fromUtf8String("x"))));
            await("ACTIVE after creation", () -> kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
            assertEquals(StreamStatus.ACTIVE, kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus());

            kinesis.splitShard(r -> r.streamName("slow").shardToSplit("shardId-000000000000")
                    .newStartingHashKey("1000"));
            assertEquals(StreamStatus.UPDATING, kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus());
            kinesis.putRecord(r -> r.streamName("slow").partitionKey("k").data(SdkBytes.fromUtf8String("x")));
            ResourceInUseException busy = assertThrows(ResourceInUseException.class, () -> kinesis.splitShard(r -> r
                    .streamName("slow").shardToSplit("shardId-000000000001").newStartingHashKey("10")));
            assertTrue(busy.awsErrorDetails().errorMessage().contains("UPDATING"));
            await("ACTIVE after the split", () -> kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);

            kinesis.deleteStream(r -> r.streamName("slow"));
            assertEquals(StreamStatus.DELETING, kinesis.describeStreamSummary(r -> r.streamName("slow"))
                    .streamDescriptionSummary().streamStatus());
            await("the stream gone", () -> kinesis.listStreams().streamNames().isEmpty());
            assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStream(r -> r.streamName("slow")));
        }
    }

    @Test
    void throughputLimitsThrottleWritesAndReadsPerShard() {
        // A stopped clock puts every call in the same one-second window.
        Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        try (LocalCloud cloud = LocalCloud.builder().throughputLimits(true).clock(stopped).build().start();
                KinesisClient kinesis = KinesisClients.cborWithoutRetries(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("limited").shardCount(1));
            // 1,200 records of 1,002 bytes in one second: the shard takes 1,000 records/s.
            int failed = 0;
            for (int batch = 0; batch < 3; batch++) {
                PutRecordsResponse response = kinesis.putRecords(r -> r.streamName("limited")
                        .records(entries(400, 1000)));
                failed += response.failedRecordCount();
                for (PutRecordsResultEntry entry : response.records()) {
                    if (entry.errorCode() != null) {
                        assertEquals("ProvisionedThroughputExceededException", entry.errorCode());
                        assertTrue(entry.errorMessage().startsWith("Rate exceeded for shard shardId-000000000000 in "
                                + "stream limited under account 000000000000"), entry.errorMessage());
                    }
                }
            }
            assertEquals(200, failed);

            String iterator = kinesis.getShardIterator(r -> r.streamName("limited").shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (int call = 0; call < 5; call++) {
                assertEquals(1, kinesis.getRecords(r -> r.shardIterator(iterator).limit(1)).records().size());
            }
            ProvisionedThroughputExceededException throttled = assertThrows(
                    ProvisionedThroughputExceededException.class,
                    () -> kinesis.getRecords(r -> r.shardIterator(iterator).limit(1)));
            assertEquals("Rate exceeded for shard shardId-000000000000 in stream limited under account 000000000000.",
                    throttled.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void throughputLimitsAreOffByDefault() {
        try (LocalCloud cloud = LocalCloud.builder().build().start();
                KinesisClient kinesis = KinesisClients.cborWithoutRetries(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("free").shardCount(1));
            for (int batch = 0; batch < 6; batch++) {
                assertEquals(0, kinesis.putRecords(r -> r.streamName("free").records(entries(500, 1000)))
                        .failedRecordCount());
            }
            String iterator = kinesis.getShardIterator(r -> r.streamName("free").shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (int call = 0; call < 10; call++) {
                kinesis.getRecords(r -> r.shardIterator(iterator).limit(1));
            }
        }
    }

    @Test
    void failureRateFailsEntriesAsPartialFailures() {
        try (LocalCloud cloud = LocalCloud.builder().putRecordsFailureRate(0.5).build().start();
                KinesisClient kinesis = KinesisClients.cborWithoutRetries(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("flaky").shardCount(2));
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName("flaky").records(entries(500, 10)));
            long failed = response.records().stream().filter(e -> e.errorCode() != null).count();
            assertEquals(failed, response.failedRecordCount().longValue());
            assertTrue(failed > 100 && failed < 400, "about half of 500 fail: " + failed);
            for (PutRecordsResultEntry entry : response.records()) {
                if (entry.errorCode() == null) {
                    assertNotNull(entry.sequenceNumber());
                } else {
                    assertNull(entry.sequenceNumber());
                    assertTrue(entry.errorCode().equals("ProvisionedThroughputExceededException")
                            || entry.errorCode().equals("InternalFailure"), entry.errorCode());
                }
            }
            long written = kinesis.getRecords(r -> r.shardIterator(kinesis.getShardIterator(g -> g.streamName("flaky")
                    .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator())).records().size()
                    + kinesis.getRecords(r -> r.shardIterator(kinesis.getShardIterator(g -> g.streamName("flaky")
                    .shardId("shardId-000000000001").shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator())).records().size();
            assertEquals(500 - failed, written);
            // The rate applies to PutRecords entries only: PutRecord and the in-JVM API always write.
            for (int i = 0; i < 20; i++) {
                kinesis.putRecord(r -> r.streamName("flaky").partitionKey("k").data(SdkBytes.fromUtf8String("x")));
            }
            var ctx = new io.github.kinesisfanout.local.edge.RequestContext("r", "000000000000", "us-east-1");
            List<PutRecordsEntry> typed = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                typed.add(new PutRecordsEntry("k" + i, new byte[1]));
            }
            assertTrue(cloud.kinesis().putRecords(ctx, "flaky", typed).stream().noneMatch(
                    io.github.kinesisfanout.local.kinesis.PutRecordsResultEntry::failed));
        }
    }
}
