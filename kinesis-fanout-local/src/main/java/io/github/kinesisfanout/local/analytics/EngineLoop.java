package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.sql.InputRecord;
import io.github.kinesisfanout.sql.RunningApplication;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that touches the running SQL engine: it takes record batches from the shard
 * readers through a bounded queue (a full queue holds the readers back), pushes them with ROWTIME
 * = arrival in the application, and advances ROWTIME every second while the input is idle so
 * windows close. Records whose preprocessing failed reach error_stream's writers from this thread too, with
 * the ROWTIME their batch gets.
 */
final class EngineLoop {

    private static final System.Logger LOG = System.getLogger(EngineLoop.class.getName());
    private static final long TICK_MILLIS = 1000;
    private static final Batch STOP = new Batch(null, null, List.of());

    /** Records of one shard read for one in-application input stream, and those of the read rejected before it. */
    record Batch(String inAppStream, String shardId, List<KinesisRecord> records, List<RejectedRecord> rejected) {
        Batch(String inAppStream, String shardId, List<KinesisRecord> records) {
            this(inAppStream, shardId, records, List.of());
        }
    }

    private final RunningApplication engine;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(64);
    private final Thread thread;
    private long lastRowtime;
    private boolean stopQueued;
    private long lastAdvance;
    private final java.time.Clock clock;
    private final java.util.concurrent.atomic.AtomicLong offered = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong processed = new java.util.concurrent.atomic.AtomicLong();

    /** @param clock the cloud's clock: ROWTIME and the once-a-second advance of the engine's time */
    EngineLoop(String applicationName, RunningApplication engine, java.time.Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.thread = new Thread(this::run, "analytics-" + applicationName + "-engine");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Hands a batch to the engine, waiting while the queue is full; false if it timed out. */
    boolean offer(Batch batch, long timeoutMillis) throws InterruptedException {
        boolean taken = queue.offer(batch, timeoutMillis, TimeUnit.MILLISECONDS);
        if (taken) {
            offered.incrementAndGet();
        }
        return taken;
    }

    /** Batches handed over so far. */
    long offered() {
        return offered.get();
    }

    /** Batches pushed through the engine so far (their rows are with the writers). */
    long processed() {
        return processed.get();
    }

    /**
     * Processes everything already queued, then ends the thread; false when that did not happen
     * within the time (an output that cannot be written holds the engine back).
     */
    boolean stop(long timeoutMillis) {
        try {
            if (!stopQueued) {
                stopQueued = queue.offer(STOP, timeoutMillis, TimeUnit.MILLISECONDS);
            }
            thread.join(timeoutMillis);
            return !thread.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        lastAdvance = clock.millis();
        try {
            while (true) {
                long wait = Math.max(1, Math.min(TICK_MILLIS, lastAdvance + TICK_MILLIS - clock.millis()));
                Batch batch = queue.poll(wait, TimeUnit.MILLISECONDS);
                if (batch == STOP) {
                    return;
                }
                long now = rowtime();
                if (batch != null) {
                    push(batch, now);
                    processed.incrementAndGet();
                }
                if (now - lastAdvance >= TICK_MILLIS) {
                    advance(now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ROWTIME never goes backwards: readers of several shards feed one engine. */
    private long rowtime() {
        lastRowtime = Math.max(lastRowtime, clock.millis());
        return lastRowtime;
    }

    private void push(Batch batch, long rowtime) {
        for (KinesisRecord record : batch.records()) {
            try {
                engine.pushRecord(batch.inAppStream(), new InputRecord(record.data(), rowtime, record.approximateArrivalTimestamp().toEpochMilli(),
                        record.partitionKey(), record.sequenceNumber(), batch.shardId()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "record " + record.sequenceNumber() + " of " + batch.shardId()
                        + " failed in the engine: " + e.getMessage(), e);
            }
        }
        for (RejectedRecord rejected : batch.rejected()) {
            KinesisRecord record = rejected.record();
            engine.rejectRecord(batch.inAppStream(), new InputRecord(record.data(), rowtime,
                    record.approximateArrivalTimestamp().toEpochMilli(), record.partitionKey(), record.sequenceNumber(),
                    batch.shardId()), rejected.errorName(), rejected.message());
        }
    }

    private void advance(long now) {
        try {
            engine.advanceTime(now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "advancing ROWTIME failed: " + e.getMessage(), e);
        }
        lastAdvance = now;
    }
}
