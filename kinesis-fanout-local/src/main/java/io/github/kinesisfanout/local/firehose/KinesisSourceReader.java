package io.github.kinesisfanout.local.firehose;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.ReadResult;
import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import io.github.kinesisfanout.local.kinesis.access.ShardCursor;
import io.github.kinesisfanout.local.kinesis.access.ShardLineage;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the Kinesis stream of a {@code KinesisStreamAsSource} delivery stream on its own thread and
 * hands each record's data to the delivery stream's buffer. As Firehose, it starts at the stream's
 * LATEST position (pinned before CreateDeliveryStream answers), reads every shard in turn, and
 * reads a shard added by resharding from TRIM_HORIZON once its parents are read to the end. After
 * each read that moved it, once the records are durable in the buffer's journal, it hands over a
 * {@link SourceCheckpoint} (never ahead of the journal), from which a restart resumes.
 */
final class KinesisSourceReader {

    private static final System.Logger LOG = System.getLogger(KinesisSourceReader.class.getName());
    private static final int LIMIT = 10_000;
    private static final Duration IDLE_WAIT = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 1000;

    private final StreamAccess streams;
    private final String streamArn;
    private final S3Buffer buffer;
    private final Consumer<SourceCheckpoint> checkpoints;
    private final Map<String, ShardCursor> cursors = new LinkedHashMap<>();
    private final Set<String> readToEnd = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private String lastProblem;
    private boolean childrenPending;

    private KinesisSourceReader(StreamAccess streams, String streamArn, S3Buffer buffer,
            Consumer<SourceCheckpoint> checkpoints, String deliveryStream) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.buffer = buffer;
        this.checkpoints = checkpoints;
        this.thread = new Thread(this::run, "firehose-" + deliveryStream + "-source");
        this.thread.setDaemon(true);
    }

    /**
     * Opens the shards without reading them yet: from {@code resume} after a restart (each shard
     * being read at its position, those read to their end left alone, the others from TRIM_HORIZON
     * once their parents are read), else every open shard at LATEST now (a closed shard has nothing
     * after it). Throws the Kinesis error when the stream cannot be read.
     *
     * @param resume the checkpoint kept before a restart, or null for a new delivery stream
     */
    static KinesisSourceReader open(StreamAccess streams, String streamArn, S3Buffer buffer,
            Consumer<SourceCheckpoint> checkpoints, String deliveryStream, SourceCheckpoint resume) {
        KinesisSourceReader reader = new KinesisSourceReader(streams, streamArn, buffer, checkpoints, deliveryStream);
        List<ShardInfo> shards = streams.listShards(streamArn);
        for (ShardInfo shard : shards) {
            String id = shard.shardId();
            if (resume == null ? !shard.isOpen() : resume.finished().contains(id)) {
                reader.readToEnd.add(id);
            } else if (resume == null || resume.positions().containsKey(id)) {
                reader.cursors.put(id, ShardCursor.open(streams, streamArn, id,
                        resume == null ? StartingPosition.latest() : resume.positions().get(id)));
            }
        }
        if (resume != null) {
            reader.startChildren(shards);
        }
        return reader;
    }

    /** Hands over the checkpoint of the positions opened (before CreateDeliveryStream answers), then reads. */
    void start() {
        checkpoints.accept(checkpoint());
        thread.start();
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
                } catch (AwsServiceException | UncheckedIOException e) {
                    // A deleted or throttled source, or a checkpoint that could not be written: Firehose keeps trying.
                    String problem = e instanceof AwsServiceException aws ? aws.errorCode() + ": " + e.getMessage()
                            : e.getMessage();
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

    /**
     * One read of every shard being read; answers whether any record came or a shard ended. Records go to the
     * buffer; once they are durable there, the checkpoint moves past them.
     */
    private boolean readEveryShard() {
        if (childrenPending) {
            // A shard was read to its end: its children may start (listed again after a failed listing).
            startChildren(streams.listShards(streamArn));
            childrenPending = false;
        }
        boolean any = false;
        for (ShardCursor cursor : new ArrayList<>(cursors.values())) {
            if (!running) {
                break;
            }
            ReadResult result = cursor.read(LIMIT);
            for (KinesisRecord record : result.records()) {
                buffer.add(record.data());
            }
            boolean moved = !result.records().isEmpty();
            if (cursor.ended()) {
                cursors.remove(cursor.shardId());
                readToEnd.add(cursor.shardId());
                childrenPending = true;
                moved = true;
            }
            if (moved) {
                buffer.awaitDurable();
                checkpoints.accept(checkpoint());
            }
            any |= moved;
        }
        return any;
    }

    private void startChildren(List<ShardInfo> shards) {
        for (ShardInfo shard : ShardLineage.readyToRead(shards,
                id -> cursors.containsKey(id) || readToEnd.contains(id), readToEnd::contains)) {
            cursors.put(shard.shardId(), ShardCursor.open(streams, streamArn, shard.shardId(),
                    StartingPosition.trimHorizon()));
        }
    }

    /** Where every shard resumes now: the cursors' positions and the shards read to their end. */
    private SourceCheckpoint checkpoint() {
        Map<String, StartingPosition> positions = new LinkedHashMap<>();
        cursors.values().forEach(cursor -> positions.put(cursor.shardId(), cursor.position()));
        return new SourceCheckpoint(positions, readToEnd);
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
