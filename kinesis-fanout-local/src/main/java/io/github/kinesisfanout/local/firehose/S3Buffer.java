package io.github.kinesisfanout.local.firehose;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The records of one delivery stream waiting for S3: written as one object, their bytes
 * concatenated as Firehose does, when they reach SizeInMBs or IntervalInSeconds after the first of
 * them arrived. A failed write keeps them and tries again after the interval. With a data directory
 * they are also in its {@link BufferJournal} until written.
 */
final class S3Buffer {

    /** Writes one object; throws when it could not be written. */
    interface ObjectWriter {
        void write(String bucket, String key, byte[] body);
    }

    private static final DateTimeFormatter HOUR_PREFIX =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OBJECT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);
    private static final System.Logger LOG = System.getLogger(S3Buffer.class.getName());

    private final String streamName;
    private final String versionId;
    private final S3Destination destination;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ObjectWriter writer;
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Instant firstArrival;
    private ScheduledFuture<?> timer;
    private boolean closed;
    private BufferJournal journal = BufferJournal.NONE;

    S3Buffer(String streamName, String versionId, S3Destination destination, Clock clock,
            ScheduledExecutorService scheduler, ObjectWriter writer) {
        this.streamName = streamName;
        this.versionId = versionId;
        this.destination = destination;
        this.clock = clock;
        this.scheduler = scheduler;
        this.writer = writer;
    }

    /** The object key Firehose uses by default: {@code prefix + yyyy/MM/dd/HH/ + name-version-yyyy-MM-dd-HH-mm-ss-uuid}. */
    static String objectKey(String prefix, String streamName, String versionId, Instant arrival, UUID id) {
        return prefix + HOUR_PREFIX.format(arrival) + streamName + "-" + versionId + "-" + OBJECT_TIME.format(arrival)
                + "-" + id;
    }

    /**
     * Opens the buffer's journal: {@code opener} hands each record it still holds (taken before a
     * restart, not yet in S3) to the consumer it is given, which buffers it again.
     */
    synchronized void openJournal(Function<Consumer<byte[]>, BufferJournal> opener) {
        journal = opener.apply(this::add);
    }

    synchronized void add(byte[] data) {
        if (closed) {
            return;
        }
        journal.append(data);
        if (firstArrival == null) {
            firstArrival = clock.instant();
            schedule(destination.intervalInSeconds() * 1000L);
        }
        pending.writeBytes(data);
        if (pending.size() >= destination.sizeInMBs() * 1024L * 1024L) {
            flush();
        }
    }

    /** Writes what is buffered now (the interval elapsed, or the size was reached). */
    synchronized void flush() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (firstArrival == null || closed) {
            return;
        }
        byte[] body = pending.toByteArray();
        String key = objectKey(destination.prefix(), streamName, versionId, firstArrival, UUID.randomUUID());
        try {
            writer.write(destination.bucketName(), key, body);
            pending = new ByteArrayOutputStream();
            firstArrival = null;
            journal.clear();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "delivery stream " + streamName + ": writing s3://"
                    + destination.bucketName() + "/" + key + " failed, retrying: " + e.getMessage());
            schedule(Math.max(1000L, destination.intervalInSeconds() * 1000L));
        }
    }

    /** Returns once the records added so far are durable in the journal (at once without one). */
    void awaitDurable() {
        journal.awaitDurable();
    }

    /** Stops: the delivery stream is deleted; what is buffered is dropped, as AWS drops it. */
    synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel(false);
        }
        journal.close();
    }

    /**
     * Stops at a clean close of the cloud: what is buffered is written to S3 now (kept in the journal
     * for the next start if that fails).
     */
    synchronized void flushAndClose() {
        flush();
        close();
    }

    private void schedule(long delayMillis) {
        timer = scheduler.schedule(this::flush, delayMillis, TimeUnit.MILLISECONDS);
    }
}
