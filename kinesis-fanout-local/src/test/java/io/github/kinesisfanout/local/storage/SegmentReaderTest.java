package io.github.kinesisfanout.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames read back by location, across segments and chunks, each checked against its CRC32C. */
class SegmentReaderTest {

    @TempDir
    Path dir;

    private static ByteBuffer text(String value) {
        return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(ByteBuffer payload) {
        return StandardCharsets.UTF_8.decode(payload).toString();
    }

    @Test
    void locationsOfAppendsAndOfTheReplayAtOpenReadBackTheirEntries() {
        List<Long> locations = new ArrayList<>();
        try (SegmentLog log = SegmentLog.open(dir, 40, (segment, payload) -> { })) {
            for (int i = 0; i < 5; i++) {
                locations.add(log.appendLocated(List.of(text("entry" + i)), () -> List.of(text("head"))));
            }
            // Segment 1: the header frame (8 + 4 bytes) comes first, so entry0's frame starts at byte 12;
            // entry1 follows at 12 + 8 + 6 = 26; 40 bytes are then reached and entry2 opens segment 2.
            assertEquals(SegmentLog.location(1, 12), locations.get(0));
            assertEquals(SegmentLog.location(1, 26), locations.get(1));
            assertEquals(SegmentLog.location(2, 12), locations.get(2));
            SegmentReader reader = new SegmentReader(log);
            for (int i = 4; i >= 0; i--) {
                assertEquals("entry" + i, string(reader.payload(locations.get(i))));
            }
        }
        List<Long> replayed = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        try (SegmentLog log = SegmentLog.openLocated(dir, 40, (segment, position, payload) -> {
            replayed.add(SegmentLog.location(segment, position));
            payloads.add(string(payload));
        })) {
            assertEquals(List.of("head", "entry0", "entry1", "head", "entry2", "entry3", "head", "entry4"), payloads);
            assertEquals(locations.get(0), replayed.get(1));
            assertEquals(locations.get(4), replayed.get(7));
            assertEquals("entry3", string(new SegmentReader(log).payload(replayed.get(5))));
        }
    }

    @Test
    void aFrameLargerThanAChunkIsReadWhole() {
        byte[] big = new byte[SegmentReader.CHUNK_BYTES * 2 + 3];
        Arrays.fill(big, (byte) 'x');
        big[big.length - 1] = 'y';
        try (SegmentLog log = SegmentLog.open(dir, 1 << 30, (segment, payload) -> { })) {
            long small = log.appendLocated(List.of(text("small")), List::of);
            long large = log.appendLocated(List.of(ByteBuffer.wrap(big)), List::of);
            SegmentReader reader = new SegmentReader(log);
            assertEquals("small", string(reader.payload(small)));
            ByteBuffer read = reader.payload(large);
            assertEquals(big.length, read.remaining());
            assertEquals('y', read.get(big.length - 1));
        }
    }

    @Test
    void aDamagedFrameIsReportedWithItsFileNotReturned() throws Exception {
        long location;
        try (SegmentLog log = SegmentLog.open(dir, 1 << 20, (segment, payload) -> { })) {
            log.appendLocated(List.of(text("first")), List::of);
            location = log.appendLocated(List.of(text("second")), List::of);
        }
        Path segment = dir.resolve("segment-00000000000000000001.log");
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            // The first byte of "second" overwritten: the payload no longer matches its CRC32C.
            file.write(ByteBuffer.wrap(new byte[] {'t'}), SegmentLog.positionOf(location) + Frames.HEADER_BYTES);
        }
        try (SegmentLog log = SegmentLog.open(dir, 1 << 20, (s, payload) -> { })) {
            DamagedFrameException damaged = assertThrows(DamagedFrameException.class,
                    () -> new SegmentReader(log).payload(location));
            assertTrue(damaged.getMessage().contains("segment-00000000000000000001.log"), damaged.getMessage());
            assertTrue(damaged.getMessage().contains("CRC32C"), damaged.getMessage());
        }
    }

    @Test
    void aDeletedSegmentCannotBeRead() {
        try (SegmentLog log = SegmentLog.open(dir, 10, (segment, payload) -> { })) {
            long old = log.appendLocated(List.of(text("old entry")), List::of);
            SegmentReader reader = new SegmentReader(log);
            assertEquals("old entry", string(reader.payload(old)));
            log.appendLocated(List.of(text("new entry")), List::of);
            log.deleteBefore(2);
            UncheckedIOException gone = assertThrows(UncheckedIOException.class,
                    () -> new SegmentReader(log).payload(old));
            assertTrue(gone.getMessage().contains("segment 1"), gone.getMessage());
        }
    }

    @Test
    void moreSegmentsThanOpenReadersReadBackInAnyOrder() {
        try (SegmentLog log = SegmentLog.open(dir, 10, (segment, payload) -> { })) {
            List<Long> locations = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // 8 + 8 bytes pass the 10-byte segment size: one entry per segment, 40 segments.
                locations.add(log.appendLocated(List.of(text(String.format("entry%03d", i))), List::of));
            }
            assertEquals(40, log.segmentIds().size());
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 40; i++) {
                    int n = round == 0 ? i : 39 - i;
                    assertEquals(String.format("entry%03d", n), string(new SegmentReader(log).payload(locations.get(n))));
                }
            }
        }
    }
}
