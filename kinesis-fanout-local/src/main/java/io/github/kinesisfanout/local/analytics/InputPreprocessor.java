package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An input's InputLambdaProcessor: sends the records of one read to the function ({@link PreprocessingEvent}, at
 * most {@value #MAX_EVENT_BYTES} bytes per invocation, below Lambda's 6 MB request limit) and settles each one
 * by the answer ({@link PreprocessingResponse}): {@code Ok} records go on with the new data and the original
 * record's partition key, sequence number and arrival time (one record per JSON document when the data holds
 * several), {@code Dropped} ones are gone, {@code ProcessingFailed} ones go to error_stream as
 * {@value #PROCESSING_FAILED}.
 *
 * <p>A function error or timeout, or a response AWS would reject, fails the whole invocation. AWS "continues to
 * retry Lambda invocations on the same set of records until successful" (lambda-preprocessing.html); the local
 * cloud makes {@value #MAX_ATTEMPTS} attempts, {@value #FIRST_BACKOFF_MILLIS} ms apart and doubling, and then
 * sends every record of the invocation to error_stream as {@value #PREPROCESSING_ERROR} with the last failure
 * as the message, so a broken function shows in error_stream instead of stalling the application unseen.
 */
final class InputPreprocessor {

    static final String PROCESSING_FAILED = "Lambda_Processing_Failed";
    static final String PREPROCESSING_ERROR = "Lambda_Preprocessing_Error";
    static final int MAX_ATTEMPTS = 4;
    static final long FIRST_BACKOFF_MILLIS = 200;
    static final long MAX_EVENT_BYTES = 5L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(InputPreprocessor.class.getName());

    /** Waits between attempts; answers false when the reader stops meanwhile. */
    @FunctionalInterface
    interface Backoff {
        boolean pause(long millis) throws InterruptedException;
    }

    /**
     * What became of the records of one read.
     *
     * @param records the records for the engine, in order
     * @param rejected the records for error_stream, in order
     */
    record Preprocessed(List<KinesisRecord> records, List<RejectedRecord> rejected) {
    }

    private final LambdaInvoker lambda;
    private final String functionArn;
    private final String applicationArn;
    private final String streamArn;
    private final boolean json;

    /** @param json whether the input's RecordFormatType is JSON (several documents in one Ok record are split) */
    InputPreprocessor(LambdaInvoker lambda, String functionArn, String applicationArn, String streamArn,
            boolean json) {
        this.lambda = lambda;
        this.functionArn = functionArn;
        this.applicationArn = applicationArn;
        this.streamArn = streamArn;
        this.json = json;
    }

    /** Settles every record of one read of one shard; null when the reader stopped before they were all settled. */
    Preprocessed process(String shardId, List<KinesisRecord> records, Backoff backoff) throws InterruptedException {
        List<KinesisRecord> ok = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        for (List<KinesisRecord> chunk : chunks(records)) {
            if (!settle(shardId, chunk, backoff, ok, rejected)) {
                return null;
            }
        }
        return new Preprocessed(ok, rejected);
    }

    private boolean settle(String shardId, List<KinesisRecord> chunk, Backoff backoff, List<KinesisRecord> ok,
            List<RejectedRecord> rejected) throws InterruptedException {
        List<String> ids = chunk.stream().map(PreprocessingEvent::recordId).toList();
        String failure = null;
        long wait = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                byte[] response = lambda.invoke(functionArn, PreprocessingEvent.of(applicationArn, streamArn, shardId, chunk));
                apply(chunk, PreprocessingResponse.read(response, ids), ok, rejected);
                return true;
            } catch (PreprocessingResponse.InvalidResponseException e) {
                failure = e.getMessage();
            } catch (AwsServiceException e) {
                failure = e.errorCode() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            LOG.log(System.Logger.Level.DEBUG, "preprocessing " + chunk.size() + " records of " + shardId + " with "
                    + functionArn + ", attempt " + attempt + ": " + failure);
            if (attempt < MAX_ATTEMPTS) {
                if (!backoff.pause(wait)) {
                    return false;
                }
                wait *= 2;
            }
        }
        String message = "Preprocessing function " + functionArn + " failed " + MAX_ATTEMPTS + " times for the "
                + chunk.size() + " records of this invocation; last failure: " + failure;
        LOG.log(System.Logger.Level.WARNING, shardId + ": " + message);
        for (KinesisRecord record : chunk) {
            rejected.add(new RejectedRecord(record, PREPROCESSING_ERROR, message));
        }
        return true;
    }

    private void apply(List<KinesisRecord> chunk, Map<String, PreprocessingResponse.Answer> answers,
            List<KinesisRecord> ok, List<RejectedRecord> rejected) {
        for (KinesisRecord record : chunk) {
            PreprocessingResponse.Answer answer = answers.get(PreprocessingEvent.recordId(record));
            switch (answer.result()) {
                case "Ok" -> {
                    for (byte[] data : json ? JsonDocuments.split(answer.data()) : List.of(answer.data())) {
                        ok.add(new KinesisRecord(record.sequenceNumber(), record.approximateArrivalTimestamp(), data,
                                record.partitionKey()));
                    }
                }
                case "ProcessingFailed" -> rejected.add(new RejectedRecord(record, PROCESSING_FAILED,
                        "Preprocessing function " + functionArn + " answered ProcessingFailed for record "
                                + record.sequenceNumber() + "."));
                default -> {
                    // Dropped: the function filtered the record out.
                }
            }
        }
    }

    private static List<List<KinesisRecord>> chunks(List<KinesisRecord> records) {
        List<List<KinesisRecord>> chunks = new ArrayList<>();
        List<KinesisRecord> chunk = new ArrayList<>();
        long size = 0;
        for (KinesisRecord record : records) {
            long recordSize = PreprocessingEvent.estimatedSize(record);
            if (!chunk.isEmpty() && size + recordSize > MAX_EVENT_BYTES) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                size = 0;
            }
            chunk.add(record);
            size += recordSize;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
