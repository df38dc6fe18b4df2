package io.github.kinesisfanout.local.lambda.esm;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one shard for one mapping and invokes the function with its batches, one batch at a time
 * and in order, as Lambda does for Kinesis: a failed batch is retried (blocking the shard) until
 * it succeeds, its retries are exhausted or its records are too old; with
 * BisectBatchOnFunctionError a failed batch is split in two and each half retried; with
 * ReportBatchItemFailures processing resumes from the lowest failed sequence number.
 * Delivery is at least once: progress is checkpointed only after a batch is done.
 */
final class ShardPoller {

    private static final long STOP = -1;

    private final EventSourceMapping mapping;
    private final String shardId;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final List<StreamRecord> buffer = new ArrayList<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private volatile boolean stopped;
    private ScheduledFuture<?> timer;
    private String iterator;
    private long bufferSince;
    private boolean caughtUp;
    private boolean finished;

    ShardPoller(EventSourceMapping mapping, String shardId) {
        this.mapping = mapping;
        this.shardId = shardId;
    }

    /** Takes the starting iterator now (so LATEST means "from the moment the mapping is enabled") and starts polling. */
    void start() {
        try {
            iterator = initialIterator();
        } catch (RuntimeException e) {
            mapping.result("PROBLEM: " + e.getMessage());
        }
        wake();
    }

    void stop() {
        stopped = true;
        synchronized (this) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    boolean finished() {
        return stopped;
    }

    /** Runs the poller now, or again right after its current run. */
    void wake() {
        dirty.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            mapping.workers().execute(this::loop);
        }
    }

    private void loop() {
        long delay = 0;
        try {
            do {
                dirty.set(false);
                try {
                    delay = step();
                } catch (RuntimeException e) {
                    mapping.result("PROBLEM: " + e.getMessage());
                    delay = Math.max(1000, mapping.settings().pollInterval().toMillis());
                }
            } while (!stopped && delay == 0);
        } finally {
            running.set(false);
        }
        if (delay == STOP) {
            stopped = true;
        } else if (!stopped && dirty.get()) {
            wake();
        } else if (!stopped) {
            synchronized (this) {
                timer = mapping.timers().schedule(this::wake, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One unit of work; returns the delay before the next one (0: at once, STOP: shard done). */
    private long step() {
        MappingConfig config = mapping.config();
        if (pending.isEmpty()) {
            if (!finished && buffer.size() < config.batchSize()) {
                read(config);
            }
            if (buffer.isEmpty()) {
                return finished ? STOP : caughtUp ? idle() : 0;
            }
            boolean full = buffer.size() >= config.batchSize();
            if (!full && !finished && !caughtUp) {
                return 0;
            }
            long windowMillis = config.batchingWindowSeconds() * 1000L;
            long waited = System.currentTimeMillis() - bufferSince;
            if (!full && !finished && waited < windowMillis) {
                return Math.min(windowMillis - waited, mapping.settings().pollInterval().toMillis());
            }
            pending.add(new Pending(takeBatch(config)));
        }
        return process(pending.peekFirst(), config);
    }

    /**
     * Caught up: wait for the stream's new-data signal when it has one (a blocking wait on this
     * poller's own thread), else poll again after the interval.
     */
    private long idle() {
        if (!mapping.source().signalsNewData()) {
            return mapping.settings().pollInterval().toMillis();
        }
        try {
            mapping.source().awaitData(mapping.config().eventSourceArn(), iterator,
                    mapping.settings().pollInterval().multipliedBy(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        return 0;
    }

    private void read(MappingConfig config) {
        if (iterator == null) {
            iterator = initialIterator();
        }
        int limit = Math.min(10_000, config.batchSize() - buffer.size());
        StreamSource.Batch batch;
        try {
            batch = mapping.source().getRecords(config.eventSourceArn(), iterator, limit);
        } catch (AwsServiceException e) {
            if (e.errorCode().equals("ExpiredIteratorException")) {
                // Start again from the checkpoint; what was buffered will be read again.
                iterator = null;
                buffer.clear();
                caughtUp = false;
                return;
            }
            throw e;
        }
        iterator = batch.nextIterator();
        finished = iterator == null;
        if (buffer.isEmpty() && !batch.records().isEmpty()) {
            bufferSince = System.currentTimeMillis();
        }
        buffer.addAll(batch.records());
        caughtUp = batch.millisBehindLatest() == 0 && batch.records().size() < limit;
    }

    private List<StreamRecord> takeBatch(MappingConfig config) {
        List<StreamRecord> batch = new ArrayList<>();
        int size = 0;
        while (!buffer.isEmpty() && batch.size() < config.batchSize()) {
            int next = KinesisEvents.size(buffer.get(0));
            if (!batch.isEmpty() && size + next > 6 * 1024 * 1024 - 1024) {
                break;
            }
            size += next;
            batch.add(buffer.remove(0));
        }
        return batch;
    }

    private long process(Pending batch, MappingConfig config) {
        if (config.maximumRecordAgeSeconds() > 0) {
            Instant oldest = Instant.now().minusSeconds(config.maximumRecordAgeSeconds());
            List<StreamRecord> fresh = batch.records.stream().filter(r -> !r.arrival().isBefore(oldest)).toList();
            if (fresh.size() < batch.records.size()) {
                mapping.log("discarded " + (batch.records.size() - fresh.size()) + " records of " + shardId
                        + " older than MaximumRecordAgeInSeconds=" + config.maximumRecordAgeSeconds());
                checkpointUpTo(batch.records, fresh);
                if (fresh.isEmpty()) {
                    pending.poll();
                    return 0;
                }
                batch.records = fresh;
            }
        }
        int failedFrom = invoke(batch.records, config);
        if (failedFrom >= batch.records.size()) {
            mapping.checkpoint(shardId, last(batch.records));
            pending.poll();
            mapping.result("OK");
            return 0;
        }
        if (failedFrom > 0) {
            mapping.checkpoint(shardId, batch.records.get(failedFrom - 1).sequenceNumber());
            batch.records = batch.records.subList(failedFrom, batch.records.size());
        }
        mapping.result("PROBLEM: Function call failed");
        if (config.bisectOnError() && batch.records.size() > 1) {
            // Bisecting does not count as a retry attempt.
            pending.poll();
            int half = batch.records.size() / 2;
            pending.addFirst(new Pending(batch.records.subList(half, batch.records.size()), batch.attempts));
            pending.addFirst(new Pending(batch.records.subList(0, half), batch.attempts));
            return 0;
        }
        batch.attempts++;
        if (config.maximumRetryAttempts() >= 0 && batch.attempts > config.maximumRetryAttempts()) {
            mapping.log("discarded " + batch.records.size() + " records of " + shardId + " (sequence numbers "
                    + batch.records.get(0).sequenceNumber() + " to " + last(batch.records) + ") after "
                    + config.maximumRetryAttempts() + " retries");
            mapping.checkpoint(shardId, last(batch.records));
            pending.poll();
            return 0;
        }
        // Back off exponentially between retries of the same batch, up to 10 seconds.
        return Math.min(10_000, mapping.settings().retryDelay().toMillis() << Math.min(batch.attempts - 1, 10));
    }

    /** The index of the first record to retry; the batch size when all succeeded. */
    private int invoke(List<StreamRecord> records, MappingConfig config) {
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

    private void checkpointUpTo(List<StreamRecord> all, List<StreamRecord> kept) {
        for (StreamRecord record : all) {
            if (kept.contains(record)) {
                return;
            }
            mapping.checkpoint(shardId, record.sequenceNumber());
        }
    }

    private String initialIterator() {
        MappingConfig config = mapping.config();
        String checkpoint = mapping.checkpointOf(shardId);
        if (checkpoint != null) {
            return mapping.source().shardIterator(config.eventSourceArn(), shardId, "AFTER_SEQUENCE_NUMBER", checkpoint, null);
        }
        String position = mapping.isNewShard(shardId) ? "TRIM_HORIZON" : config.startingPosition();
        return mapping.source().shardIterator(config.eventSourceArn(), shardId, position, null,
                position.equals("AT_TIMESTAMP") ? config.startingPositionTimestamp() : null);
    }

    private static String last(List<StreamRecord> records) {
        return records.get(records.size() - 1).sequenceNumber();
    }

    /** A batch waiting to be delivered and how often it has been retried. */
    private static final class Pending {
        List<StreamRecord> records;
        int attempts;

        Pending(List<StreamRecord> records) {
            this(records, 0);
        }

        Pending(List<StreamRecord> records, int attempts) {
            this.records = records;
            this.attempts = attempts;
        }
    }
}
