package io.github.kinesisfanout.local.firehose;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import io.github.kinesisfanout.local.kinesis.access.ShardCursor;
import io.github.kinesisfanout.local.kinesis.access.ShardLineage;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the Kinesis stream of a {@code KinesisStreamAsSource} delivery stream on its own thread and
 * hands each record's data to the delivery stream's buffer. As Firehose, it starts at the stream's
 * LATEST position (pinned before CreateDeliveryStream answers), reads every shard in turn, and
 * reads a shard added by resharding from TRIM_HORIZON once its parents are read to the end.
 */
final class KinesisSourceReader {

    private static final System.Logger LOG = System.getLogger(KinesisSourceReader.class.getName());
    private static final int LIMIT = 10_000;
    private static final Duration IDLE_WAIT = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 1000;

    private final StreamAccess streams;
    private final String streamArn;
    private final Consumer<byte[]> sink;
    private final Map<String, ShardCursor> cursors = new LinkedHashMap<>();
    private final Set<String> readToEnd = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private String lastProblem;

    private KinesisSourceReader(StreamAccess streams, String streamArn, Consumer<byte[]> sink, String deliveryStream) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.sink = sink;
        this.thread = new Thread(this::run, "firehose-" + deliveryStream + "-source");
        this.thread.setDaemon(true);
    }

    /**
     * Opens every open shard at LATEST now (a closed shard has nothing after it) and starts reading;
     * throws the Kinesis error when the stream cannot be read.
     */
    static KinesisSourceReader start(StreamAccess streams, String streamArn, Consumer<byte[]> sink,
            String deliveryStream) {
        KinesisSourceReader reader = new KinesisSourceReader(streams, streamArn, sink, deliveryStream);
        for (ShardInfo shard : streams.listShards(streamArn)) {
            if (shard.isOpen()) {
                reader.cursors.put(shard.shardId(),
                        ShardCursor.open(streams, streamArn, shard.shardId(), StartingPosition.latest()));
            } else {
                reader.readToEnd.add(shard.shardId());
            }
        }
        reader.thread.start();
        return reader;
    }

    /** Stops reading (the delivery stream is deleted) and waits for the thread to end. */
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
            while (running) {
                try {
                    if (!readEveryShard()) {
                        idle();
                    }
                    lastProblem = null;
                } catch (AwsServiceException e) {
                    // A deleted or throttled source: Firehose keeps trying.
                    String problem = e.errorCode() + ": " + e.getMessage();
                    if (!Objects.equals(problem, lastProblem)) {
                        LOG.log(System.Logger.Level.WARNING, "reading " + streamArn + " failed, retrying: " + problem);
                        lastProblem = problem;
                    }
                    pause(RETRY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One read of every shard being read; answers whether any record came. */
    private boolean readEveryShard() {
        boolean any = false;
        for (ShardCursor cursor : new ArrayList<>(cursors.values())) {
            if (!running) {
                break;
            }
            ReadResult result = cursor.read(LIMIT);
            for (KinesisRecord record : result.records()) {
                sink.accept(record.data());
            }
            any |= !result.records().isEmpty();
            if (cursor.ended()) {
                cursors.remove(cursor.shardId());
                readToEnd.add(cursor.shardId());
                startChildren();
            }
        }
        return any;
    }

    private void startChildren() {
        for (ShardInfo shard : ShardLineage.readyToRead(streams.listShards(streamArn),
                id -> cursors.containsKey(id) || readToEnd.contains(id), readToEnd::contains)) {
            cursors.put(shard.shardId(), ShardCursor.open(streams, streamArn, shard.shardId(),
                    StartingPosition.trimHorizon()));
        }
    }

    /** Nothing came: wait for new data on the first shard (the others are read again after it), or a while. */
    private void idle() throws InterruptedException {
        if (cursors.isEmpty()) {
            pause(RETRY_MILLIS);
        } else {
            cursors.values().iterator().next().awaitData(IDLE_WAIT);
        }
    }

    private synchronized void pause(long millis) throws InterruptedException {
        if (running) {
            wait(millis);
        }
    }
}
