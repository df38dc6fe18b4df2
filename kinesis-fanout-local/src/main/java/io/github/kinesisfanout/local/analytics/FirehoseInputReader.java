package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.firehose.AcceptedRecord;
import io.github.kinesisfanout.local.firehose.RecordSubscription;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a KinesisFirehoseInput: subscribed to the delivery stream while the application runs, it
 * queues every record the delivery stream takes (a full queue holds the put back, so nothing is
 * dropped) and hands them to the engine in batches, spread over the in-application input streams
 * {@code P_001..P_00N} record by record. A delivery stream keeps no records to go back to, so NOW
 * and LAST_STOPPED_POINT both start with the records put after the start, and there are no
 * positions to checkpoint; a stop hands over everything already taken before it ends.
 */
final class FirehoseInputReader implements InputReaders {

    private static final System.Logger LOG = System.getLogger(FirehoseInputReader.class.getName());
    private static final int QUEUE_RECORDS = 10_000;
    private static final int BATCH_RECORDS = 500;
    private static final long WAIT_MILLIS = 200;

    private final RunnerSpec spec;
    private final EngineLoop engine;
    private final BlockingQueue<AcceptedRecord> queue = new ArrayBlockingQueue<>(QUEUE_RECORDS);
    private final Thread thread;
    private RecordSubscription subscription;
    private volatile boolean stopping;
    private volatile boolean closed;
    private volatile long giveUpAt = Long.MAX_VALUE;
    private long spread;

    FirehoseInputReader(RunnerSpec spec, EngineLoop engine) {
        this.spec = spec;
        this.engine = engine;
        this.thread = new Thread(this::run, "analytics-" + spec.applicationName() + "-firehose");
        this.thread.setDaemon(true);
    }

    @Override
    public void start(String startingPosition) {
        // Subscribed before StartApplication's work returns: NOW means the records put from here on.
        subscription = spec.firehose().subscribe(spec.input().streamArn(), this::take);
        thread.start();
    }

    @Override
    public Map<String, ShardPosition> current() {
        return Map.of();
    }

    @Override
    public Map<String, ShardPosition> stop() {
        if (subscription != null) {
            subscription.cancel();
        }
        giveUpAt = System.currentTimeMillis() + spec.stopTimeoutMillis();
        stopping = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        return Map.of();
    }

    /** Called in the putting thread: waits while the queue is full, unless the application stops meanwhile. */
    private void take(List<AcceptedRecord> records) {
        try {
            for (AcceptedRecord record : records) {
                while (!queue.offer(record, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<AcceptedRecord> taken = new ArrayList<>(BATCH_RECORDS);
        try {
            while (true) {
                AcceptedRecord first = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, BATCH_RECORDS - 1);
                if (!handOver(taken)) {
                    LOG.log(System.Logger.Level.WARNING, "application " + spec.applicationName() + ": "
                            + (taken.size() + queue.size()) + " records of " + spec.input().streamArn()
                            + " not processed at stop: the engine did not take them in time");
                    return;
                }
                taken.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One batch per in-application stream; false when a stop ran out of time before the engine took them. */
    private boolean handOver(List<AcceptedRecord> records) throws InterruptedException {
        List<String> names = spec.input().inAppStreamNames();
        List<List<KinesisRecord>> perStream = new ArrayList<>();
        names.forEach(name -> perStream.add(new ArrayList<>()));
        for (AcceptedRecord record : records) {
            // A Firehose source carries only the arrival time: no partition key, sequence number or shard.
            perStream.get((int) (spread++ % names.size())).add(new KinesisRecord(null, record.arrival(), record.data(), null));
        }
        for (int i = 0; i < names.size(); i++) {
            if (perStream.get(i).isEmpty()) {
                continue;
            }
            EngineLoop.Batch batch = new EngineLoop.Batch(names.get(i), null, perStream.get(i));
            while (!engine.offer(batch, WAIT_MILLIS)) {
                if (System.currentTimeMillis() > giveUpAt) {
                    return false;
                }
            }
        }
        return true;
    }
}
