package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.List;

/**
 * Reads one input shard from its position and hands its records to the engine, waiting on the
 * Kinesis new-data signal when caught up. Its position advances only once a batch is handed
 * over, so the position at stop is exactly where reading resumes.
 */
final class ShardReader {

    private static final System.Logger LOG = System.getLogger(ShardReader.class.getName());
    private static final int LIMIT = 10_000;
    private static final long WAIT_MILLIS = 200;

    /** Told when the shard is closed and fully read. */
    interface Listener {
        void finished(String shardId, List<String> childShards);
    }

    private final StreamAccess streams;
    private final String streamArn;
    private final String shardId;
    private final String inAppStream;
    private final EngineLoop engine;
    private final Listener listener;
    private final Thread thread;
    private volatile ShardPosition position;
    private volatile boolean running = true;
    private String firstIterator;

    ShardReader(StreamAccess streams, String streamArn, String shardId, String inAppStream, ShardPosition start,
            EngineLoop engine, Listener listener, String applicationName) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.inAppStream = inAppStream;
        this.position = start;
        this.engine = engine;
        this.listener = listener;
        this.thread = new Thread(this::run, "analytics-" + applicationName + "-" + shardId);
        this.thread.setDaemon(true);
    }

    /** Takes the first iterator on the caller's thread, then reads on the reader's own. */
    void start() {
        firstIterator = iterator();
        thread.start();
    }

    String shardId() {
        return shardId;
    }

    /** Where reading resumes. */
    ShardPosition position() {
        return position;
    }

    void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            String iterator = firstIterator;
            while (running) {
                if (iterator == null) {
                    iterator = iterator();
                    if (iterator == null) {
                        pause(1000);
                        continue;
                    }
                }
                StreamAccess.ReadResult result;
                try {
                    result = streams.getRecords(streamArn, iterator, LIMIT);
                } catch (AwsServiceException e) {
                    // ExpiredIteratorException (5 minutes) and throttling: start over from the position.
                    LOG.log(System.Logger.Level.DEBUG, shardId + ": " + e.errorCode() + " " + e.getMessage());
                    iterator = null;
                    pause(WAIT_MILLIS);
                    continue;
                }
                if (!result.records().isEmpty() && !handOver(result.records())) {
                    return;
                }
                if (result.nextIterator() == null) {
                    position = ShardPosition.finished();
                    listener.finished(shardId, result.childShards());
                    return;
                }
                iterator = result.nextIterator();
                if (result.records().isEmpty()) {
                    try {
                        streams.awaitNewData(streamArn, shardId, iterator, WAIT_MILLIS);
                    } catch (AwsServiceException e) {
                        pause(WAIT_MILLIS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False when the reader was stopped before the engine took the batch (position unchanged). */
    private boolean handOver(List<StreamAccess.IncomingRecord> records) throws InterruptedException {
        EngineLoop.Batch batch = new EngineLoop.Batch(inAppStream, shardId, records);
        while (!engine.offer(batch, WAIT_MILLIS)) {
            if (!running) {
                return false;
            }
        }
        position = ShardPosition.after(records.get(records.size() - 1).sequenceNumber());
        return true;
    }

    /** Backs off after an error (a deleted stream, throttling) until the time passes or the reader stops. */
    private synchronized void pause(long millis) throws InterruptedException {
        if (running) {
            wait(millis);
        }
    }

    /** An iterator at the current position, or null (logged) when Kinesis refuses one. */
    private String iterator() {
        ShardPosition at = position;
        try {
            return streams.shardIterator(streamArn, shardId, at.type(), at.sequenceNumber(), at.timestampMillis());
        } catch (AwsServiceException e) {
            LOG.log(System.Logger.Level.WARNING, shardId + ": no iterator: " + e.errorCode() + " " + e.getMessage());
            return null;
        }
    }
}
