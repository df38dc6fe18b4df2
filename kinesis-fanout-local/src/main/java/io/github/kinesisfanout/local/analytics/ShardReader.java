package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.access.ShardCursor;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.time.Duration;
import java.util.List;

/**
 * Reads one input shard from its position and hands its records to the engine, waiting on the
 * Kinesis new-data signal when caught up. With an input preprocessor, each read goes through the
 * function first and what it settled is handed over. Its position advances only once a batch is
 * handed over (every record of it settled), so the position at stop is exactly where reading resumes.
 */
final class ShardReader {

    private static final System.Logger LOG = System.getLogger(ShardReader.class.getName());
    private static final int LIMIT = 10_000;
    private static final long WAIT_MILLIS = 200;

    /** Told when the shard is closed and fully read. */
    interface Listener {
        void finished(String shardId);
    }

    private final StreamAccess streams;
    private final String streamArn;
    private final String shardId;
    private final String inAppStream;
    private final EngineLoop engine;
    private final Listener listener;
    private final InputPreprocessor preprocessor;
    private final Thread thread;
    private volatile ShardPosition position;
    private volatile boolean running = true;
    private ShardCursor firstCursor;

    /** @param preprocessor the input's Lambda preprocessor, or null */
    ShardReader(StreamAccess streams, String streamArn, String shardId, String inAppStream, ShardPosition start,
            EngineLoop engine, Listener listener, String applicationName, InputPreprocessor preprocessor) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.inAppStream = inAppStream;
        this.position = start;
        this.engine = engine;
        this.listener = listener;
        this.preprocessor = preprocessor;
        this.thread = new Thread(this::run, "analytics-" + applicationName + "-" + shardId);
        this.thread.setDaemon(true);
    }

    /** Opens the cursor on the caller's thread (so NOW means "from this call"), then reads on the reader's own. */
    void start() {
        firstCursor = open();
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
            ShardCursor cursor = firstCursor;
            while (running) {
                if (cursor == null) {
                    cursor = open();
                    if (cursor == null) {
                        pause(1000);
                        continue;
                    }
                }
                ReadResult result;
                try {
                    result = cursor.read(LIMIT);
                } catch (AwsServiceException e) {
                    // Throttling or a deleted stream: try again from the same place.
                    LOG.log(System.Logger.Level.DEBUG, shardId + ": " + e.errorCode() + " " + e.getMessage());
                    pause(WAIT_MILLIS);
                    continue;
                }
                if (!result.records().isEmpty() && !handOver(result.records())) {
                    return;
                }
                if (cursor.ended()) {
                    position = ShardPosition.finished();
                    listener.finished(shardId);
                    return;
                }
                if (result.records().isEmpty()) {
                    try {
                        cursor.awaitData(Duration.ofMillis(WAIT_MILLIS));
                    } catch (AwsServiceException e) {
                        pause(WAIT_MILLIS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * False when the reader was stopped before the engine took the batch, or before the preprocessing function
     * settled every record of it (position unchanged: the records are read again at the next start).
     */
    private boolean handOver(List<KinesisRecord> records) throws InterruptedException {
        EngineLoop.Batch batch = new EngineLoop.Batch(inAppStream, shardId, records);
        if (preprocessor != null) {
            InputPreprocessor.Preprocessed settled = preprocessor.process(shardId, records, millis -> {
                pause(millis);
                return running;
            });
            if (settled == null) {
                return false;
            }
            batch = new EngineLoop.Batch(inAppStream, shardId, settled.records(), settled.rejected());
        }
        // A read whose records were all dropped has nothing for the engine, but its position still advances.
        while ((!batch.records().isEmpty() || !batch.rejected().isEmpty()) && !engine.offer(batch, WAIT_MILLIS)) {
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

    /** A cursor at the current position, or null (logged) when Kinesis refuses one. */
    private ShardCursor open() {
        try {
            return ShardCursor.open(streams, streamArn, shardId, position.start());
        } catch (AwsServiceException e) {
            LOG.log(System.Logger.Level.WARNING, shardId + ": no cursor: " + e.errorCode() + " " + e.getMessage());
            return null;
        }
    }
}
