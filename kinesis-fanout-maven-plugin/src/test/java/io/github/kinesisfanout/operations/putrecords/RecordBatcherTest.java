package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Batching within the PutRecords limits of 500 records and 5 MiB. */
class RecordBatcherTest {

    private static List<OutgoingRecord> records(long count, int dataBytes) {
        String text = "x".repeat(dataBytes);
        return LongStream.rangeClosed(1, count).mapToObj(n -> OutgoingRecord.of(n, text, "k")).toList();
    }

    private static List<List<OutgoingRecord>> batches(RecordBatcher batcher) {
        List<List<OutgoingRecord>> all = new ArrayList<>();
        batcher.forEachRemaining(all::add);
        return all;
    }

    @Test
    void splitsBy500Records() {
        List<List<OutgoingRecord>> batches = batches(new RecordBatcher(records(1201, 10).iterator()));
        assertEquals(List.of(500, 500, 201), batches.stream().map(List::size).toList());
        assertEquals(1201, batches.get(2).get(200).number());
    }

    @Test
    void splitsBy5MibIncludingPartitionKeys() {
        // 100 KiB of data + a 1-byte key each: 51 fit in 5 MiB, the 52nd would not.
        int data = 100 * 1024;
        List<List<OutgoingRecord>> batches = batches(new RecordBatcher(records(120, data).iterator()));
        assertEquals(List.of(51, 51, 18), batches.stream().map(List::size).toList());
        for (List<OutgoingRecord> batch : batches) {
            assertTrue(batch.stream().mapToLong(OutgoingRecord::size).sum() <= RecordBatcher.MAX_REQUEST_BYTES);
        }
    }

    @Test
    void keepsOrderAcrossBatches() {
        List<Long> numbers = batches(new RecordBatcher(records(1100, 3000).iterator(), 500, 1_000_000)).stream()
                .flatMap(List::stream).map(OutgoingRecord::number).toList();
        assertEquals(LongStream.rangeClosed(1, 1100).boxed().toList(), numbers);
    }

    @Test
    void smallerRecordLimitForRateLimitedRuns() {
        assertEquals(List.of(7, 7, 6), batches(new RecordBatcher(records(20, 5).iterator(), 7, 1 << 20)).stream()
                .map(List::size).toList());
    }

    @Test
    void rejectsARecordOver1MibNamingIt() {
        List<OutgoingRecord> input = List.of(OutgoingRecord.of(1, "a", "k"),
                OutgoingRecord.of(2, "x".repeat(RecordBatcher.MAX_RECORD_BYTES), "k"));
        FanoutException e = assertThrows(FanoutException.class, () -> batches(new RecordBatcher(input.iterator())));
        assertTrue(e.getMessage().startsWith("Record 2 is 1048577 bytes"), e.getMessage());
    }
}
