package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** Retries of partial PutRecords failures, against a scripted client; the real service is in PutRecordsOperationIT. */
class BatchSenderTest {

    /** Answers PutRecords, rejecting the entries the current rule picks; records every request. */
    private static final class ScriptedKinesis implements KinesisClient {
        final List<List<String>> requests = new ArrayList<>();
        /** Rejects a key on the given call (0 for the first). */
        BiPredicate<Integer, String> reject = (call, key) -> false;

        @Override
        public PutRecordsResponse putRecords(PutRecordsRequest request) {
            List<String> keys = request.records().stream().map(PutRecordsRequestEntry::partitionKey).toList();
            int call = requests.size();
            requests.add(keys);
            List<PutRecordsResultEntry> results = new ArrayList<>();
            int failed = 0;
            for (String key : keys) {
                if (reject.test(call, key)) {
                    failed++;
                    results.add(PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("Rate exceeded for shard shardId-000000000000").build());
                } else {
                    results.add(PutRecordsResultEntry.builder().shardId("shardId-000000000000")
                            .sequenceNumber("seq-" + key).build());
                }
            }
            return PutRecordsResponse.builder().failedRecordCount(failed).records(results).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {
        }
    }

    private final ScriptedKinesis kinesis = new ScriptedKinesis();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();

    private BatchSender sender(int maxRetries) {
        return new BatchSender(kinesis, StreamRef.parse("Transactions"), maxRetries,
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(350)), sleeps::add, ProgressListener.NONE);
    }

    private static List<OutgoingRecord> batch(int size) {
        return LongStream.rangeClosed(1, size).mapToObj(n -> OutgoingRecord.of(n, "{}", "k" + n)).toList();
    }

    @Test
    void retriesOnlyTheRejectedEntries() {
        // First call rejects k2 and k4, the retry rejects k4 again, the third call accepts it.
        kinesis.reject = (call, key) -> call == 0 ? key.equals("k2") || key.equals("k4") : call == 1 && key.equals("k4");
        BatchSender sender = sender(5);
        sender.send(batch(5), (record, shard, sequence, time) -> {
            accepted.add(record.partitionKey() + "@" + sequence);
        });
        assertEquals(List.of(List.of("k1", "k2", "k3", "k4", "k5"), List.of("k2", "k4"), List.of("k4")), kinesis.requests);
        assertEquals(List.of("k1@seq-k1", "k3@seq-k3", "k5@seq-k5", "k2@seq-k2", "k4@seq-k4"), accepted);
        assertEquals(3, sender.retriedRecords());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
    }

    @Test
    void failsWithTheLastErrorWhenRecordsKeepFailing() {
        kinesis.reject = (call, key) -> key.equals("k3");
        FanoutException e = assertThrows(FanoutException.class,
                () -> sender(3).send(batch(4), (record, shard, sequence, time) -> accepted.add(record.partitionKey())));
        assertTrue(e.getMessage().startsWith("1 record(s) still failed after 3 retries (last error "
                + "ProvisionedThroughputExceededException: Rate exceeded"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfanout.maxRetries="), e.getMessage());
        assertEquals(List.of("k1", "k2", "k4"), accepted);
        assertEquals(4, kinesis.requests.size());
        // Exponential, capped at 350 ms.
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350)), sleeps);
    }

    @Test
    void noRetryWhenEverythingIsAccepted() {
        BatchSender sender = sender(2);
        sender.send(batch(500), (record, shard, sequence, time) -> accepted.add(record.partitionKey()));
        assertEquals(1, kinesis.requests.size());
        assertEquals(500, accepted.size());
        assertEquals(0, sender.retriedRecords());
        assertTrue(sleeps.isEmpty());
    }
}
