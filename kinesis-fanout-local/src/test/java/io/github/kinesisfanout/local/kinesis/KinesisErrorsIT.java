package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Kinesis errors as the SDK sees them: codes, messages, limits, iterator expiry. */
class KinesisErrorsIT extends ClockedKinesisFixture {

    @BeforeEach
    void createStream() {
        kinesis.createStream(r -> r.streamName("s").shardCount(1));
    }

    private static SdkBytes data(int size) {
        return SdkBytes.fromByteArray(new byte[size]);
    }

    @Test
    void unknownStreamIsResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> kinesis.describeStream(r -> r.streamName("missing")));
        assertEquals("Stream missing under account 000000000000 not found.", e.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> kinesis.putRecord(r -> r.streamName("missing").partitionKey("k").data(data(1))));
        assertThrows(ResourceNotFoundException.class, () -> kinesis.getShardIterator(r -> r.streamName("missing")
                .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.LATEST)));
        assertThrows(ResourceNotFoundException.class, () -> kinesis.getShardIterator(r -> r.streamName("s")
                .shardId("shardId-000000000009").shardIteratorType(ShardIteratorType.LATEST)));
        assertThrows(ResourceNotFoundException.class, () -> kinesis.deleteStream(r -> r.streamName("missing")));
    }

    @Test
    void shardQuotaIsLimitExceeded() {
        var e = assertThrows(software.amazon.awssdk.services.kinesis.model.LimitExceededException.class,
                () -> kinesis.createStream(r -> r.streamName("huge").shardCount(500)));
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("This request would exceed the shard limit for the "
                + "account 000000000000 in us-east-1. Current shard count for the account: 1. Limit: 500."),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void duplicateStreamIsResourceInUse() {
        ResourceInUseException e = assertThrows(ResourceInUseException.class,
                () -> kinesis.createStream(r -> r.streamName("s").shardCount(1)));
        assertEquals("Stream s under account 000000000000 already exists.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void invalidStreamNamesAreValidationErrors() {
        KinesisException bad = assertThrows(KinesisException.class,
                () -> kinesis.createStream(r -> r.streamName("bad name!").shardCount(1)));
        assertEquals("ValidationException", bad.awsErrorDetails().errorCode());
        assertEquals("1 validation error detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", bad.awsErrorDetails().errorMessage());
        KinesisException tooLong = assertThrows(KinesisException.class,
                () -> kinesis.createStream(r -> r.streamName("x".repeat(129)).shardCount(1)));
        assertTrue(tooLong.awsErrorDetails().errorMessage().endsWith("Member must have length less than or equal to 128"));
        KinesisException zeroShards = assertThrows(KinesisException.class,
                () -> kinesis.createStream(r -> r.streamName("z").shardCount(0)));
        assertEquals("ValidationException", zeroShards.awsErrorDetails().errorCode());
    }

    @Test
    void oversizeRecordAndBadPartitionKeys() {
        KinesisException big = assertThrows(KinesisException.class,
                () -> kinesis.putRecord(r -> r.streamName("s").partitionKey("k").data(data(1024 * 1024 + 1))));
        assertEquals("ValidationException", big.awsErrorDetails().errorCode());
        assertTrue(big.awsErrorDetails().errorMessage().endsWith(
                "at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576"));
        assertThrows(InvalidArgumentException.class,
                () -> kinesis.putRecord(r -> r.streamName("s").partitionKey("kk").data(data(1024 * 1024 - 1))));
        KinesisException emptyKey = assertThrows(KinesisException.class,
                () -> kinesis.putRecord(r -> r.streamName("s").partitionKey("").data(data(1))));
        assertEquals("ValidationException", emptyKey.awsErrorDetails().errorCode());
        KinesisException longKey = assertThrows(KinesisException.class,
                () -> kinesis.putRecord(r -> r.streamName("s").partitionKey("k".repeat(257)).data(data(1))));
        assertTrue(longKey.awsErrorDetails().errorMessage().contains("less than or equal to 256"));
        // The largest record that fits: data plus partition key of exactly 1 MiB.
        kinesis.putRecord(r -> r.streamName("s").partitionKey("k").data(data(1024 * 1024 - 1)));
    }

    @Test
    void tooManyOrTooLargePutRecords() {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i).data(data(1)).build());
        }
        KinesisException many = assertThrows(KinesisException.class,
                () -> kinesis.putRecords(r -> r.streamName("s").records(entries)));
        assertEquals("ValidationException", many.awsErrorDetails().errorCode());
        assertTrue(many.awsErrorDetails().errorMessage().startsWith("1 validation error detected: Value '"));
        assertTrue(many.awsErrorDetails().errorMessage().endsWith(
                "at 'records' failed to satisfy constraint: Member must have length less than or equal to 500"));
        List<PutRecordsRequestEntry> large = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            large.add(PutRecordsRequestEntry.builder().partitionKey("k").data(data(1000 * 1000)).build());
        }
        InvalidArgumentException tooLarge = assertThrows(InvalidArgumentException.class,
                () -> kinesis.putRecords(r -> r.streamName("s").records(large)));
        assertEquals("Records size exceeds 5 MB limit", tooLarge.awsErrorDetails().errorMessage());
        KinesisException badEntry = assertThrows(KinesisException.class, () -> kinesis.putRecords(r -> r
                .streamName("s").records(PutRecordsRequestEntry.builder().partitionKey("k").data(data(1)).build(),
                        PutRecordsRequestEntry.builder().partitionKey("k").data(data(1024 * 1024 + 1)).build())));
        assertTrue(badEntry.awsErrorDetails().errorMessage().contains("at 'records.2.member.data'"),
                badEntry.awsErrorDetails().errorMessage());
    }

    @Test
    void bodiesOverTheCloudsCapReachTheSdkAsA413() {
        try (LocalCloud capped = LocalCloud.builder().maxRequestBodyBytes(64 * 1024).build().start();
                KinesisClient client = KinesisClients.cborWithoutRetries(capped.endpoint())) {
            client.createStream(r -> r.streamName("capped").shardCount(1));
            KinesisException e = assertThrows(KinesisException.class,
                    () -> client.putRecord(r -> r.streamName("capped").partitionKey("k").data(data(100 * 1024))));
            assertEquals(413, e.statusCode());
            assertEquals("RequestEntityTooLargeException", e.awsErrorDetails().errorCode());
            client.putRecord(r -> r.streamName("capped").partitionKey("k").data(data(1024)));
        }
    }

    @Test
    void malformedIteratorIsInvalidArgument() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> kinesis.getRecords(r -> r.shardIterator("not-an-iterator")));
        assertEquals("Invalid ShardIterator.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void iteratorsExpireAfterFiveMinutes() {
        String iterator = kinesis.getShardIterator(r -> r.streamName("s").shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        clock.advance(Duration.ofMinutes(4));
        String next = kinesis.getRecords(r -> r.shardIterator(iterator)).nextShardIterator();
        clock.advance(Duration.ofMinutes(2));
        ExpiredIteratorException e = assertThrows(ExpiredIteratorException.class,
                () -> kinesis.getRecords(r -> r.shardIterator(iterator)));
        assertTrue(e.awsErrorDetails().errorMessage().matches("Iterator expired\\. The iterator was created at time "
                + ".+ UTC \\d{4} while right now it is .+ UTC \\d{4} which is further in the future than the "
                + "tolerated delay of 300000 milliseconds\\."), e.awsErrorDetails().errorMessage());
        // The iterator GetRecords returned two minutes ago is still good.
        kinesis.getRecords(r -> r.shardIterator(next));
    }

    @Test
    void sequenceNumberOfAnotherShardIsRejected() {
        kinesis.createStream(r -> r.streamName("two").shardCount(2));
        String sequence = kinesis.putRecord(r -> r.streamName("two").partitionKey("k").data(data(1))
                .explicitHashKey("0")).sequenceNumber();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> kinesis.getShardIterator(
                r -> r.streamName("two").shardId("shardId-000000000001")
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(sequence)));
        assertEquals("Invalid StartingSequenceNumber. It encodes shardId-000000000000, while it was used in a call "
                + "to a shard with shardId-000000000001", e.awsErrorDetails().errorMessage());
    }

    @Test
    void iteratorTypeAndSequenceNumberMustMatch() {
        InvalidArgumentException missing = assertThrows(InvalidArgumentException.class, () -> kinesis.getShardIterator(
                r -> r.streamName("s").shardId("shardId-000000000000")
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)));
        assertEquals("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber "
                + "or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified AT_SEQUENCE_NUMBER "
                + "and no StartingSequenceNumber.", missing.awsErrorDetails().errorMessage());
        String sequence = kinesis.putRecord(r -> r.streamName("s").partitionKey("k").data(data(1))).sequenceNumber();
        InvalidArgumentException extra = assertThrows(InvalidArgumentException.class, () -> kinesis.getShardIterator(
                r -> r.streamName("s").shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.LATEST)
                        .startingSequenceNumber(sequence)));
        assertTrue(extra.awsErrorDetails().errorMessage().endsWith("Request specified LATEST and also a "
                + "StartingSequenceNumber."));

        kinesis.deleteStream(r -> r.streamName("s"));
        clock.advance(Duration.ofSeconds(1));
        kinesis.createStream(r -> r.streamName("s").shardCount(1));
        InvalidArgumentException foreign = assertThrows(InvalidArgumentException.class, () -> kinesis.getShardIterator(
                r -> r.streamName("s").shardId("shardId-000000000000")
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(sequence)));
        assertEquals("StartingSequenceNumber " + sequence + " used in GetShardIterator on shard shardId-000000000000 "
                + "in stream s under account 000000000000 is invalid because it did not come from this stream.",
                foreign.awsErrorDetails().errorMessage());
    }

    @Test
    void missingMembersAreNamed() {
        KinesisException noKey = assertThrows(KinesisException.class,
                () -> kinesis.putRecord(r -> r.streamName("s").data(data(1))));
        assertEquals("1 validation error detected: Value null at 'partitionKey' failed to satisfy constraint: "
                + "Member must not be null", noKey.awsErrorDetails().errorMessage());
        ResourceNotFoundException noShard = assertThrows(ResourceNotFoundException.class, () -> kinesis.splitShard(
                r -> r.streamName("s").shardToSplit("shardId-000000000007").newStartingHashKey("5")));
        assertEquals("Could not find shard shardId-000000000007 in stream s under account 000000000000.",
                noShard.awsErrorDetails().errorMessage());
    }

    @Test
    void unknownOperationNamesTheOperation() {
        var ctx = new io.github.kinesisfanout.local.edge.RequestContext("r", "000000000000", "us-east-1");
        var e = assertThrows(io.github.kinesisfanout.local.edge.AwsServiceException.class,
                () -> cloud.kinesis().invoke("EnableEnhancedMonitoring",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), ctx));
        assertEquals("UnknownOperationException", e.errorCode());
        assertEquals("Kinesis.EnableEnhancedMonitoring is not supported", e.getMessage());
    }
}
