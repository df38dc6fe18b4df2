package io.github.kinesisfanout.local.lambda.esm;

import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import io.github.kinesisfanout.local.kinesis.access.ShardCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one shard for one mapping and hands its batches to {@link BatchDelivery} (or to
 * {@link ParallelLanes} when ParallelizationFactor is above 1), one batch at a time, as Lambda
 * does for Kinesis: a failing batch blocks its shard. Delivery is at least once: progress is
 * checkpointed only after a batch is done.
 */
final class ShardPoller {

    private static final long STOP = -1;

    private final EventSourceMapping mapping;
    private final String shardId;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final List<KinesisRecord> buffer = new ArrayList<>();
    private final BatchDelivery delivery;
    private volatile boolean stopped;
    private ScheduledFuture<?> timer;
    private ShardCursor cursor;
    private long bufferSince;
    private boolean caughtUp;
    private boolean finished;

    ShardPoller(EventSourceMapping mapping, String shardId) {
        this.mapping = mapping;
        this.shardId = shardId;
        this.delivery = new BatchDelivery(mapping, shardId, sequence -> mapping.checkpoint(shardId, sequence));
    }

    /** Opens the shard's cursor now (so LATEST means "from the moment the mapping is enabled") and starts polling. */
    void start() {
        try {
            cursor = openCursor();
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
            mapping.shardEnded();
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
        if (delivery.isEmpty()) {
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
            List<KinesisRecord> batch = takeBatch(config);
            if (config.parallelizationFactor() > 1) {
                if (ParallelLanes.deliver(mapping, shardId, batch, config, () -> stopped)) {
                    mapping.checkpoint(shardId, BatchDelivery.last(batch));
                }
                return 0;
            }
            delivery.add(batch);
        }
        return delivery.step(config);
    }

    /** Caught up: wait for the stream's new-data signal (a blocking wait on this poller's own thread). */
    private long idle() {
        try {
            cursor.awaitData(mapping.settings().pollInterval().multipliedBy(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        return 0;
    }

    private void read(MappingConfig config) {
        if (cursor == null) {
            cursor = openCursor();
        }
        int limit = Math.min(10_000, config.batchSize() - buffer.size());
        ReadResult batch = cursor.read(limit);
        finished = cursor.ended();
        if (buffer.isEmpty() && !batch.records().isEmpty()) {
            bufferSince = System.currentTimeMillis();
        }
        buffer.addAll(batch.records());
        caughtUp = batch.millisBehindLatest() == 0 && batch.records().size() < limit;
    }

    private List<KinesisRecord> takeBatch(MappingConfig config) {
        List<KinesisRecord> batch = new ArrayList<>();
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

    /** After the checkpoint; else a shard found by resharding from TRIM_HORIZON, the others from the mapping's position. */
    private ShardCursor openCursor() {
        MappingConfig config = mapping.config();
        String checkpoint = mapping.checkpointOf(shardId);
        StartingPosition start;
        if (checkpoint != null) {
            start = StartingPosition.afterSequenceNumber(checkpoint);
        } else if (mapping.isNewShard(shardId)) {
            start = StartingPosition.trimHorizon();
        } else {
            start = new StartingPosition(config.startingPosition(), null,
                    config.startingPosition().equals("AT_TIMESTAMP") ? config.startingPositionTimestamp() : null);
        }
        return ShardCursor.open(mapping.source(), config.eventSourceArn(), shardId, start);
    }
}
