package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.storage.DamagedFrameException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a data directory, record payloads past the memory budget leave memory and are read back from
 * the stream's segment log: every read answers exactly what an in-memory cloud answers.
 */
class PayloadBudgetTest {

    private static final RequestContext CTX = new RequestContext("r", "000000000000", "us-east-1");
    /** 100 bytes of data, a 1-character key and the fixed overhead: what one cached record counts. */
    private static final long RECORD_BYTES = 100 + 1 + PayloadCache.RECORD_OVERHEAD_BYTES;

    @TempDir
    Path dir;

    /** A clock that only moves when told: both clouds of a comparison see the same times. */
    private static final class SteppedClock extends Clock {

        private long millis = 1_700_000_000_000L;

        synchronized void advance(Duration duration) {
            millis += duration.toMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public synchronized long millis() {
            return millis;
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final ServiceContext cloud = ServiceContext.inMemory(clock);
    private final List<KinesisService> services = new ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(KinesisService::close);
        cloud.scheduler().shutdownNow();
    }

    private KinesisService service(StreamStore store) {
        KinesisService service = new KinesisService(cloud, KinesisConfig.defaults(), store);
        services.add(service);
        return service;
    }

    /** 100 bytes: "record-N" then dots. */
    private static byte[] data(int n) {
        byte[] bytes = new byte[100];
        java.util.Arrays.fill(bytes, (byte) '.');
        byte[] name = ("record-" + n).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, bytes, 0, name.length);
        return bytes;
    }

    private static List<PutRecordsEntry> batch(int from, int count) {
        List<PutRecordsEntry> entries = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            entries.add(new PutRecordsEntry("k", data(i)));
        }
        return entries;
    }

    private static String render(KinesisRecord record) {
        return record.sequenceNumber() + " " + record.approximateArrivalTimestamp().toEpochMilli() + " "
                + record.partitionKey() + " " + new String(record.data(), StandardCharsets.US_ASCII);
    }

    private static List<String> readAll(KinesisService service, String stream, StartingPosition position, int limit) {
        List<String> out = new ArrayList<>();
        StartingPosition next = position;
        while (true) {
            ReadResult result = service.getRecords(CTX, stream, "shardId-000000000000", next, limit);
            if (result.records().isEmpty()) {
                return out;
            }
            result.records().forEach(r -> out.add(render(r)));
            next = result.nextPosition();
        }
    }

    @Test
    void theBudgetHoldsAndRecordsPastItReadBackFromDisk() {
        long budget = 10 * RECORD_BYTES;
        DurableStreamStore store = new DurableStreamStore(dir, 4096, budget);
        KinesisService service = service(store);
        service.invoke("CreateStream", KinesisJson.object().put("StreamName", "a").put("ShardCount", 1), CTX);
        service.invoke("CreateStream", KinesisJson.object().put("StreamName", "b").put("ShardCount", 1), CTX);
        List<String> sequenceNumbers = new ArrayList<>();
        for (int i = 0; i < 200; i += 5) {
            for (PutRecordsResultEntry put : service.putRecords(CTX, "a", batch(i, 5))) {
                sequenceNumbers.add(put.sequenceNumber());
            }
            service.putRecords(CTX, "b", batch(i, 5));
            clock.advance(Duration.ofMillis(10));
            assertTrue(store.cachedBytes() <= budget, store.cachedBytes() + " bytes cached");
        }
        // The budget is shared: the newest ten records, five of each stream.
        ShardLog a = store.find("000000000000", "us-east-1", "a").shard("shardId-000000000000").log();
        ShardLog b = store.find("000000000000", "us-east-1", "b").shard("shardId-000000000000").log();
        assertEquals(5, a.cachedRecords());
        assertEquals(5, b.cachedRecords());
        assertEquals(40, a.runs(), "one index entry per append of five records");
        List<String> all = readAll(service, "a", StartingPosition.trimHorizon(), 7);
        assertEquals(200, all.size());
        for (int i = 0; i < 200; i++) {
            // Batch i / 5 was put 10 ms after the one before, starting at the clock's start.
            long arrival = 1_700_000_000_000L + (i / 5) * 10L;
            assertEquals(sequenceNumbers.get(i) + " " + arrival + " k " + new String(data(i), StandardCharsets.US_ASCII),
                    all.get(i));
        }
        assertEquals(all.subList(50, 200), readAll(service, "a",
                StartingPosition.atSequenceNumber(sequenceNumbers.get(50)), 10_000));
        assertEquals(all.subList(100, 200), readAll(service, "a",
                StartingPosition.atTimestamp(Instant.ofEpochMilli(1_700_000_000_000L + 200)), 10_000));
        // Reading old records does not bring them back into memory.
        assertEquals(5, a.cachedRecords());
        service.close();
        services.remove(service);

        DurableStreamStore reopened = new DurableStreamStore(dir, 4096, budget);
        assertEquals(0, reopened.cachedBytes(), "a restart replays locations, not payloads");
        KinesisService restarted = service(reopened);
        assertEquals(all, readAll(restarted, "a", StartingPosition.trimHorizon(), 10_000));
        assertEquals(all.subList(57, 200), readAll(restarted, "a",
                StartingPosition.atSequenceNumber(sequenceNumbers.get(57)), 10_000), "from inside an append");
        assertEquals(40, reopened.find("000000000000", "us-east-1", "a").shard("shardId-000000000000").log().runs(),
                "the replay finds the same appends again");
    }

    /** Puts 20 PutRecords of 100 records of 1,000 bytes (key "k") through a cloud; returns the payloads read back. */
    private static List<String> put2000(io.github.kinesisfanout.local.LocalCloud cloud) {
        KinesisService kinesis = cloud.kinesis();
        kinesis.invoke("CreateStream", KinesisJson.object().put("StreamName", "s").put("ShardCount", 1), CTX);
        for (int batch = 0; batch < 20; batch++) {
            List<PutRecordsEntry> entries = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                byte[] bytes = new byte[1000];
                java.util.Arrays.fill(bytes, (byte) ('a' + (batch * 100 + i) % 26));
                entries.add(new PutRecordsEntry("k", bytes));
            }
            kinesis.putRecords(CTX, "s", entries);
        }
        List<String> data = new ArrayList<>();
        StartingPosition next = StartingPosition.trimHorizon();
        while (true) {
            ReadResult result = kinesis.getRecords(CTX, "s", "shardId-000000000000", next, 10_000);
            if (result.records().isEmpty()) {
                return data;
            }
            result.records().forEach(r -> data.add(new String(r.data(), StandardCharsets.US_ASCII)));
            next = result.nextPosition();
        }
    }

    @Test
    void theBuildersMemoryBudgetBoundsThePayloadsInMemory() {
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            expected.add(String.valueOf((char) ('a' + n % 26)).repeat(1000));
        }
        try (var cloud = io.github.kinesisfanout.local.LocalCloud.builder().dataDirectory(dir.resolve("small"))
                .memoryBudget(1024 * 1024).build().start()) {
            assertEquals(expected, put2000(cloud));
            // Kinesis gets two thirds of 1 MiB: 699,050 bytes. A record counts 1,000 + 1 + 96 = 1,097 bytes, an
            // append of 100 records 109,700: six appends (658,200) fit, a seventh (767,900) does not.
            assertEquals(600, cloud.kinesis().cachedRecords(CTX, "s", "shardId-000000000000"));
        }
        try (var cloud = io.github.kinesisfanout.local.LocalCloud.builder().dataDirectory(dir.resolve("default"))
                .build().start()) {
            assertEquals(expected, put2000(cloud));
            // 2,194,000 bytes fit the default 64 MiB.
            assertEquals(2000, cloud.kinesis().cachedRecords(CTX, "s", "shardId-000000000000"));
        }
    }

    @Test
    void answersAreThoseOfAnInMemoryCloud() {
        KinesisService memory = service(new InMemoryStreamStore());
        KinesisService durable = service(new DurableStreamStore(dir, 1000, 0));
        for (KinesisService service : List.of(memory, durable)) {
            service.invoke("CreateStream", KinesisJson.object().put("StreamName", "s").put("ShardCount", 1), CTX);
        }
        long start = clock.millis();
        for (int round = 0; round < 3; round++) {
            for (KinesisService service : List.of(memory, durable)) {
                service.putRecords(CTX, "s", batch(round * 40, 40));
                service.putRecord(CTX, "s", new PutRecordsEntry("single-" + round, data(1000 + round)));
            }
            clock.advance(Duration.ofHours(10));
        }
        for (StartingPosition position : List.of(StartingPosition.trimHorizon(), StartingPosition.latest(),
                StartingPosition.atTimestamp(Instant.ofEpochMilli(start + 1)))) {
            assertEquals(readAll(memory, "s", position, 9), readAll(durable, "s", position, 9), position.type());
        }
        // At 30 h, the first round (put at 0 h) is past the 24-hour retention: 82 records are left.
        List<String> retained = readAll(memory, "s", StartingPosition.trimHorizon(), 10_000);
        assertEquals(82, retained.size());
        assertEquals(retained, readAll(durable, "s", StartingPosition.trimHorizon(), 10_000));
        ReadResult memoryTail = memory.getRecords(CTX, "s", "shardId-000000000000", StartingPosition.trimHorizon(), 3);
        ReadResult durableTail = durable.getRecords(CTX, "s", "shardId-000000000000", StartingPosition.trimHorizon(), 3);
        assertEquals(memoryTail.millisBehindLatest(), durableTail.millisBehindLatest());
        assertEquals(memoryTail.nextPosition(), durableTail.nextPosition());
    }

    @Test
    void aPayloadDamagedOnDiskIsReportedNotServed() throws Exception {
        DurableStreamStore store = new DurableStreamStore(dir, 1 << 20, 0);
        KinesisService service = service(store);
        service.invoke("CreateStream", KinesisJson.object().put("StreamName", "s").put("ShardCount", 1), CTX);
        service.putRecords(CTX, "s", batch(0, 3));
        Path segment;
        try (var files = Files.list(dir.resolve("000000000000/us-east-1/stream-s/records"))) {
            segment = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("record-1");
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap("R".getBytes(StandardCharsets.US_ASCII)), at);
        }
        assertEquals(1, service.getRecords(CTX, "s", "shardId-000000000000", StartingPosition.trimHorizon(), 1)
                .records().size(), "record 0 is intact");
        DamagedFrameException damaged = assertThrows(DamagedFrameException.class,
                () -> service.getRecords(CTX, "s", "shardId-000000000000", StartingPosition.trimHorizon(), 3));
        assertTrue(damaged.getMessage().contains(segment.getFileName().toString()), damaged.getMessage());
    }
}
