package io.github.kinesisfanout.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framing, segment rolling, torn tails and group commit of the segment log. */
class SegmentLogTest {

    @TempDir
    Path dir;

    private static ByteBuffer text(String value) {
        return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> replay(long segmentBytes) {
        List<String> out = new ArrayList<>();
        SegmentLog.open(dir, segmentBytes, (segment, payload) -> out.add(StandardCharsets.UTF_8.decode(payload)
                .toString())).close();
        return out;
    }

    @Test
    void entriesComeBackInOrderAcrossSegmentsWithTheirHeaders() {
        try (SegmentLog log = SegmentLog.open(dir, 20, (segment, payload) -> { })) {
            for (int i = 0; i < 4; i++) {
                log.append(List.of(text("entry" + i)), () -> List.of(text("header")));
            }
            log.awaitDurable();
            // 8 + 6 bytes per header, 8 + 6 per entry: a segment is full (>= 20 bytes) after one entry.
            assertEquals(List.of(1L, 2L, 3L, 4L), log.segmentIds());
        }
        assertEquals(List.of("header", "entry0", "header", "entry1", "header", "entry2", "header", "entry3"),
                replay(20));
    }

    @Test
    void aTornTailIsCutOffAndLogged() throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, 1 << 20, (segment, payload) -> { })) {
            log.append(List.of(text("first"), text("second")), List::of);
        }
        Path segment = dir.resolve("segment-00000000000000000001.log");
        long intact = Files.size(segment);
        // A frame whose length promises 100 bytes, followed by 3: a write interrupted mid-way.
        Files.write(segment, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 'a', 'b', 'c'}, StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SegmentLog.class.getName());
        logger.addHandler(handler);
        try {
            assertEquals(List.of("first", "second"), replay(1 << 20));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(intact, Files.size(segment));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("cut off a torn tail of " + segment + ": 11 bytes after byte "
                + intact), warnings.get(0));
    }

    @Test
    void aFlippedBitIsCaughtByTheChecksum() throws Exception {
        try (SegmentLog log = SegmentLog.open(dir, 1 << 20, (segment, payload) -> { })) {
            log.append(List.of(text("kept")), List::of);
            log.append(List.of(text("damaged")), List::of);
        }
        Path segment = dir.resolve("segment-00000000000000000001.log");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 1;
        Files.write(segment, bytes);
        assertEquals(List.of("kept"), replay(1 << 20));
        assertEquals(8 + 4, Files.size(segment));
    }

    @Test
    void concurrentWritersAreAllDurableWhenTheirWaitReturns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SegmentLog log = SegmentLog.open(dir, 1 << 20, (segment, payload) -> { })) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.append(List.of(text(writer + ":" + i)), List::of);
                        log.awaitDurable();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> entries = replay(1 << 20);
        assertEquals(200, entries.size());
        for (int t = 0; t < 4; t++) {
            int writer = t;
            List<String> mine = entries.stream().filter(e -> e.startsWith(writer + ":")).toList();
            for (int i = 0; i < 50; i++) {
                assertEquals(writer + ":" + i, mine.get(i));
            }
        }
    }

    @Test
    void sealedSegmentsAreReplacedWhileAppendsGoOnInANewOne() {
        try (SegmentLog log = SegmentLog.open(dir, 1 << 20, (segment, payload) -> { })) {
            log.append(List.of(text("a"), text("b")), List::of);
            log.append(List.of(text("c")), List::of);
            long sealed = log.seal();
            assertEquals(1, sealed);
            log.append(List.of(text("d")), List::of);
            assertEquals(List.of(1L, 2L), log.segmentIds());
            IllegalStateException open = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> log.replaceUpTo(2, List.of(text("x"))));
            assertTrue(open.getMessage().contains("segment 2 of " + dir + " is not sealed"), open.getMessage());
            List<String> read = new ArrayList<>();
            log.replayUpTo(sealed, (segment, payload) -> read.add(StandardCharsets.UTF_8.decode(payload).toString()));
            assertEquals(List.of("a", "b", "c"), read);
            log.replaceUpTo(sealed, List.of(text("abc")));
            log.append(List.of(text("e")), List::of);
        }
        assertEquals(List.of("abc", "d", "e"), replay(1 << 20));
    }
}
