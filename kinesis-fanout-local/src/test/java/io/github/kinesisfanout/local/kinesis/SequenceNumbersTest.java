package io.github.kinesisfanout.local.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
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
