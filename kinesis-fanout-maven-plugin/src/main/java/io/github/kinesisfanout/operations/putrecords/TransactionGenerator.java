package io.github.kinesisfanout.operations.putrecords;

import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Generates the reference scenario's transactions {@code {"ID":1,"USERNAME":"alice","AMOUNT":-12.34}}:
 * ID increasing from 1, AMOUNT with two decimals in -999.99..999.99 (fits DECIMAL(5,2)) and a random
 * sign. The same seed gives the same records.
 */
public final class TransactionGenerator implements RecordSource {

    static final List<String> USERNAMES = List.of(
            "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "olivia");

    private static final int MAX_CENTS = 99_999;

    private final long count;
    private final Random random;
    private long nextId = 1;

    public TransactionGenerator(long count, long seed) {
        this.count = count;
        this.random = new Random(seed);
    }

    @Override
    public boolean hasNext() {
        return nextId <= count;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String user = USERNAMES.get(random.nextInt(USERNAMES.size()));
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(MAX_CENTS + 1), 2);
        if (random.nextBoolean()) {
            amount = amount.negate();
        }
        return "{\"ID\":" + nextId++ + ",\"USERNAME\":\"" + user + "\",\"AMOUNT\":" + amount.toPlainString() + "}";
    }

    @Override
    public long expectedCount() {
        return count;
    }

    @Override
    public String describe() {
        return "generated transactions";
    }

    @Override
    public void close() {
    }
}
