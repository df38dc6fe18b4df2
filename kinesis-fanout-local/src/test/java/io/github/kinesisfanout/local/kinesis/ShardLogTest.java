package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The append-only shard log: counters, growth, trimming, timestamps, waiting readers. */
class ShardLogTest {

    private static void append(ShardLog log, int count, long millis) {
        List<byte[]> data = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            data.add(new byte[] {(byte) i});
            keys.add("k");
        }
        log.append(data, keys, millis);
    }

    @Test
    void countersAreConsecutiveAcrossGrowthAndTrimming() {
        ShardLog log = new ShardLog();
        append(log, 100, 1000);
        append(log, 100, 2000);
        assertEquals(1, log.firstCounter());
        assertEquals(201, log.nextCounter());
        log.trimBefore(1500);
        assertEquals(101, log.firstCounter());
        append(log, 1000, 3000);
        List<StoredRecord> read = log.read(0, 10_000, Long.MAX_VALUE);
        assertEquals(1100, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(101 + i, read.get(i).counter());
        }
        assertEquals(201, log.counterAtOrAfter(2500));
        assertEquals(1201, log.counterAtOrAfter(3001), "after the newest: the next counter");
        assertEquals(3, log.read(150, 3, Long.MAX_VALUE).size());
    }

    @Test
    void arrivalTimesNeverGoBackwards() {
        ShardLog log = new ShardLog();
        append(log, 1, 5000);
        append(log, 1, 4000);
        assertEquals(5000, log.arrivalOf(2));
    }

    @Test
    void readersWaitForDataOrClose() throws Exception {
        ShardLog log = new ShardLog();
        assertFalse(log.awaitCounter(1, 10));
        Thread writer = new Thread(() -> append(log, 1, 1));
        writer.start();
        assertTrue(log.awaitCounter(1, 10_000));
        writer.join();
        log.close();
        assertFalse(log.awaitCounter(2, 10_000), "a closed log wakes readers with no data");
        assertEquals(-1, log.append(List.of(new byte[1]), List.of("k"), 1));
    }
}
