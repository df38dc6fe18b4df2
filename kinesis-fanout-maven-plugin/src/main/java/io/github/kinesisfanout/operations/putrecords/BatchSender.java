package io.github.kinesisfanout.operations.putrecords;

import io.github.kinesisfanout.operations.AwsErrors;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Sends one batch with PutRecords. PutRecords is not atomic: a response can reject some entries
 * (ErrorCode ProvisionedThroughputExceededException or InternalFailure) and accept the rest, in
 * request order; only the rejected entries are sent again, after an exponential backoff.
 */
final class BatchSender {

    private final KinesisClient kinesis;
    private final StreamRef stream;
    private final int maxRetries;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final ProgressListener listener;
    private long retriedRecords;

    BatchSender(KinesisClient kinesis, StreamRef stream, int maxRetries, Backoff backoff, Sleeper sleeper,
                ProgressListener listener) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /** How many record sends were retries, over every batch so far. */
    long retriedRecords() {
        return retriedRecords;
    }

    /** Sends the batch until every record is accepted, or fails after {@code maxRetries} retries. */
    void send(List<OutgoingRecord> batch, SentRecordSink sink) {
        List<OutgoingRecord> pending = batch;
        for (int attempt = 0; ; attempt++) {
            List<OutgoingRecord> failed = new ArrayList<>();
            String lastError = sendOnce(pending, failed, sink);
            if (failed.isEmpty()) {
                return;
            }
            if (attempt >= maxRetries) {
                throw HelpfulSuggestions.recordsStillFailing(failed.size(), maxRetries, lastError);
            }
            retriedRecords += failed.size();
            listener.debug(failed.size() + " of " + pending.size() + " record(s) rejected (" + lastError
                    + "), retry " + (attempt + 1) + " of " + maxRetries);
            sleeper.sleep(backoff.delay(attempt + 1));
            pending = failed;
        }
    }

    /** One PutRecords call; fills {@code failed} and returns the last error seen, or null. */
    private String sendOnce(List<OutgoingRecord> records, List<OutgoingRecord> failed, SentRecordSink sink) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            entries.add(PutRecordsRequestEntry.builder()
                    .data(SdkBytes.fromByteArrayUnsafe(record.data()))
                    .partitionKey(record.partitionKey())
                    .build());
        }
        PutRecordsResponse response;
        try {
            response = kinesis.putRecords(stream.putRecords().records(entries).build());
        } catch (ProvisionedThroughputExceededException | KmsThrottlingException e) {
            // The whole request was throttled (after the SDK's own retries): every record is retried.
            failed.addAll(records);
            return AwsErrors.describe(e);
        }
        long now = System.currentTimeMillis();
        List<PutRecordsResultEntry> results = response.records();
        String lastError = null;
        for (int i = 0; i < records.size(); i++) {
            PutRecordsResultEntry result = results.get(i);
            if (result.errorCode() != null) {
                failed.add(records.get(i));
                lastError = result.errorCode() + ": " + result.errorMessage();
            } else {
                sink.accepted(records.get(i), result.shardId(), result.sequenceNumber(), now);
            }
        }
        return lastError;
    }
}
