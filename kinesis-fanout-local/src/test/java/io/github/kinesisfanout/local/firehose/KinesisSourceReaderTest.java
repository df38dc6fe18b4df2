package io.github.kinesisfanout.local.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import io.github.kinesisfanout.local.kinesis.access.InMemoryStreamAccess;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kinesis source reader's checkpoints over the in-memory stream fake: pinned at LATEST before
 * reading, moved past each read, and a restart from one reads on in the parent, then its children.
 */
class KinesisSourceReaderTest {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/s";
    /** The fake's sequence numbers: 10^55 + shard number x 10^20 + offset in the shard. */
    private static final BigInteger BASE = BigInteger.TEN.pow(55);

    private final InMemoryStreamAccess streams = new InMemoryStreamAccess();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<SourceCheckpoint> checkpoints = new CopyOnWriteArrayList<>();
    private final S3Buffer buffer = new S3Buffer("d", "1", new S3Destination("ExtendedS3DestinationConfiguration",
            "arn:aws:iam::000000000000:role/r", "arn:aws:s3:::b", "", null, 128, 900, "UNCOMPRESSED"),
            Clock.systemUTC(), scheduler, (bucket, key, body) -> written.add(new String(body, StandardCharsets.UTF_8)));
    private KinesisSourceReader reader;

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.stop();
        }
        scheduler.shutdownNow();
    }

    private static StartingPosition at(int shard, int offset) {
        return StartingPosition.atSequenceNumber(BASE.add(BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(shard)))
                .add(BigInteger.valueOf(offset)).toString());
    }

    private static String shard(int number) {
        return InMemoryStreamAccess.shardId(number);
    }

    private void awaitCheckpoint(SourceCheckpoint expected) {
        Await.until(Duration.ofSeconds(10), () -> !checkpoints.isEmpty()
                && checkpoints.get(checkpoints.size() - 1).equals(expected), () -> "checkpoints " + checkpoints);
    }

    /** Stops reading and writes the buffer: what reached "S3". */
    private List<String> delivered() {
        reader.stop();
        buffer.flushAndClose();
        return written;
    }

    @Test
    void aNewReaderKeepsLatestPinnedBeforeReadingThenMovesPastEachRead() {
        streams.createStream(ARN, 1);
        streams.put(ARN, "k", "old\n");
        reader = KinesisSourceReader.open(streams, ARN, buffer, checkpoints::add, "d", null);
        streams.put(ARN, "k", "a\n");
        reader.start();
        // Pinned when opened: after "old", at "a".
        assertEquals(new SourceCheckpoint(Map.of(shard(0), at(0, 1)), Set.of()), checkpoints.get(0));
        streams.put(ARN, "k", "b\n");
        awaitCheckpoint(new SourceCheckpoint(Map.of(shard(0), at(0, 3)), Set.of()));
        assertEquals(List.of("a\nb\n"), delivered());
    }

    @Test
    void aRestartReadsOnInTheParentThenItsChildFromTrimHorizon() {
        streams.createStream(ARN, 1);
        streams.put(ARN, "k", "p1\n");
        streams.put(ARN, "k", "p2\n");
        String child = streams.reshard(ARN, shard(0));
        streams.put(ARN, "k", "c1\n");
        reader = KinesisSourceReader.open(streams, ARN, buffer, checkpoints::add, "d",
                new SourceCheckpoint(Map.of(shard(0), at(0, 1)), Set.of()));
        reader.start();
        awaitCheckpoint(new SourceCheckpoint(Map.of(child, at(1, 1)), Set.of(shard(0))));
        assertEquals(List.of("p2\nc1\n"), delivered());
    }

    @Test
    void aRestartWithTheParentReadToItsEndReadsOnlyTheChild() {
        streams.createStream(ARN, 1);
        streams.put(ARN, "k", "p1\n");
        String child = streams.reshard(ARN, shard(0));
        streams.put(ARN, "k", "c1\n");
        streams.put(ARN, "k", "c2\n");
        reader = KinesisSourceReader.open(streams, ARN, buffer, checkpoints::add, "d",
                new SourceCheckpoint(Map.of(), Set.of(shard(0))));
        reader.start();
        awaitCheckpoint(new SourceCheckpoint(Map.of(child, at(1, 2)), Set.of(shard(0))));
        assertEquals(List.of("c1\nc2\n"), delivered());
    }
}
