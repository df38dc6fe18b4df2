package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sequence numbers: 56 digits, increasing with the counter, parseable back into their parts. */
class SequenceNumbersTest {

    @Test
    void formatAndParse() {
        String sequence = SequenceNumbers.format(1_795_000_000_123L, 7, 42);
        assertEquals(56, sequence.length());
        SequenceNumbers.Parsed parsed = SequenceNumbers.parse(sequence);
        assertEquals(1_795_000_000_123L, parsed.shardCreatedMillis());
        assertEquals(7, parsed.shardIndex());
        assertEquals(42, parsed.counter());
    }

    @Test
    void digitsAreVersionCreationTimeShardIndexAndCounter() {
        // 4, then 1795000000123 in 14 digits, 7 in 10, 42 in 31.
        assertEquals("4" + "01795000000123" + "0000000007" + "0000000000000000000000000000042",
                SequenceNumbers.format(1_795_000_000_123L, 7, 42));
        // Long.MAX_VALUE / 4 = 2305843009213693951, 19 digits: 12 zeros before it.
        assertEquals("4" + "01795000000000" + "0000000003" + "000000000000" + "2305843009213693951",
                SequenceNumbers.format(1_795_000_000_000L, 3, Long.MAX_VALUE / 4));
        assertEquals("4" + "01795000000000" + "0000000003" + "0".repeat(31),
                SequenceNumbers.format(1_795_000_000_000L, 3, 0));
    }

    @Test
    void writtenIntoABufferEveryDigitIsOverwritten() {
        byte[] prefix = SequenceNumbers.prefix(1_795_000_000_123L, 7).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[56];
        for (long counter : new long[] {0, 5, 1_000_000_007L, Long.MAX_VALUE}) {
            Arrays.fill(out, (byte) 'x');
            SequenceNumbers.write(prefix, counter, out);
            assertEquals(SequenceNumbers.format(1_795_000_000_123L, 7, counter),
                    new String(out, StandardCharsets.US_ASCII));
        }
        assertEquals("4017950000001230000000007" + "000000000000" + "9223372036854775807",
                new String(out, StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> SequenceNumbers.write(prefix, -1, out));
    }

    @Test
    void increaseWithTheCounterAndTheShardCreationTime() {
        BigInteger previous = BigInteger.ZERO;
        for (long counter : new long[] {0, 1, 9, 10, 999_999, Long.MAX_VALUE / 4}) {
            BigInteger current = new BigInteger(SequenceNumbers.format(1_795_000_000_000L, 3, counter));
            assertTrue(current.compareTo(previous) > 0);
            previous = current;
        }
        BigInteger childFirst = new BigInteger(SequenceNumbers.format(1_795_000_000_001L, 4, 1));
        assertTrue(childFirst.compareTo(previous) > 0, "a later shard's numbers exceed its parent's");
    }

    @Test
    void foreignNumbersAreNotParsed() {
        assertNull(SequenceNumbers.parse("123"));
        assertNull(SequenceNumbers.parse("49590338271490256608559692538361571095921575989136588898"));
        assertNull(SequenceNumbers.parse(null));
    }
}
