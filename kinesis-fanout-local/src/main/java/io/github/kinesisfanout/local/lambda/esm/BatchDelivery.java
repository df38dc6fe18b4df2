package io.github.kinesisfanout.local.lambda.esm;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers batches of one shard (or of one ParallelizationFactor lane of it) to the function,
 * one at a time and in order, applying Lambda's failure rules: retry with backoff, bisect,
 * partial batch responses, MaximumRetryAttempts and MaximumRecordAgeInSeconds.
 */
final class BatchDelivery {

    private final EventSourceMapping mapping;
    private final String shardId;
    /** Receives the sequence number up to which records are done; a no-op for lanes. */
    private final Consumer<String> checkpoint;
    private final Deque<Pending> queue = new ArrayDeque<>();

    BatchDelivery(EventSourceMapping mapping, String shardId, Consumer<String> checkpoint) {
        this.mapping = mapping;
        this.shardId = shardId;
        this.checkpoint = checkpoint;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void add(List<KinesisRecord> records) {
        queue.add(new Pending(records, 0));
    }

    /** Delivers the first waiting batch once; returns the delay before the next step (0: at once). */
    long step(MappingConfig config) {
        Pending batch = queue.peekFirst();
        if (config.maximumRecordAgeSeconds() > 0) {
            Instant oldest = mapping.clock().instant().minusSeconds(config.maximumRecordAgeSeconds());
            List<KinesisRecord> fresh = batch.records.stream().filter(r -> !r.approximateArrivalTimestamp().isBefore(oldest)).toList();
            if (fresh.size() < batch.records.size()) {
                mapping.log("discarded " + (batch.records.size() - fresh.size()) + " records of " + shardId
                        + " older than MaximumRecordAgeInSeconds=" + config.maximumRecordAgeSeconds());
                if (fresh.isEmpty()) {
                    checkpoint.accept(last(batch.records));
                    queue.poll();
                    return 0;
                }
                batch.records = fresh;
            }
        }
        int failedFrom = invoke(batch.records, config);
        if (failedFrom >= batch.records.size()) {
            checkpoint.accept(last(batch.records));
            queue.poll();
            mapping.result("OK");
            return 0;
        }
        if (failedFrom > 0) {
            checkpoint.accept(batch.records.get(failedFrom - 1).sequenceNumber());
            batch.records = batch.records.subList(failedFrom, batch.records.size());
        }
        mapping.result("PROBLEM: Function call failed");
        if (config.bisectOnError() && batch.records.size() > 1) {
            // Bisecting does not count as a retry attempt.
            queue.poll();
            int half = batch.records.size() / 2;
            queue.addFirst(new Pending(batch.records.subList(half, batch.records.size()), batch.attempts));
            queue.addFirst(new Pending(batch.records.subList(0, half), batch.attempts));
            return 0;
        }
        batch.attempts++;
        if (config.maximumRetryAttempts() >= 0 && batch.attempts > config.maximumRetryAttempts()) {
            mapping.log("discarded " + batch.records.size() + " records of " + shardId + " (sequence numbers "
                    + batch.records.get(0).sequenceNumber() + " to " + last(batch.records) + ") after "
                    + config.maximumRetryAttempts() + " retries");
            checkpoint.accept(last(batch.records));
            queue.poll();
            return 0;
        }
        // Back off exponentially between retries of the same batch, up to 10 seconds.
        return Math.min(10_000, mapping.settings().retryDelay().toMillis() << Math.min(batch.attempts - 1, 10));
    }

    /** The index of the first record to retry; the batch size when all succeeded. */
    private int invoke(List<KinesisRecord> records, MappingConfig config) {
        FunctionCaller.Reply reply;
        try {
            byte[] event = KinesisEvents.event(records, shardId, config.eventSourceArn(),
                    mapping.caller().roleArn(config.functionArn()));
            reply = mapping.caller().call(config.functionArn(), event);
        } catch (AwsServiceException e) {
            mapping.log("invoking " + config.functionArn() + " failed: " + e.errorCode() + ": " + e.getMessage());
            return 0;
        }
        if (reply.functionError()) {
            return 0;
        }
        return config.reportBatchItemFailures() ? BatchResponse.firstFailure(reply.payload(), records) : records.size();
    }

    static String last(List<KinesisRecord> records) {
        return records.get(records.size() - 1).sequenceNumber();
    }

    /** A batch waiting to be delivered and how often it has been retried. */
    private static final class Pending {
        List<KinesisRecord> records;
        int attempts;

        Pending(List<KinesisRecord> records, int attempts) {
            this.records = records;
            this.attempts = attempts;
        }
    }
}
