package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in transaction generator: shape and reproducibility. */
class TransactionGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> generate(long count, long seed) {
        List<String> records = new ArrayList<>();
        new TransactionGenerator(count, seed).forEachRemaining(records::add);
        return records;
    }

    @Test
    void sameSeedGivesSameRecords() {
        assertEquals(generate(200, 42), generate(200, 42));
    }

    @Test
    void otherSeedGivesOtherRecords() {
        assertNotEquals(generate(50, 42), generate(50, 43));
    }

    @Test
    void yieldsExactlyTheCount() {
        assertEquals(1234, generate(1234, 1).size());
        assertFalse(new TransactionGenerator(0, 1).hasNext());
    }

    @Test
    void recordsAreTransactionsWithIncreasingIdsAndTwoDecimalAmounts() throws Exception {
        List<String> records = generate(2000, 7);
        boolean negative = false;
        boolean positive = false;
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = JSON.readTree(records.get(i));
            assertEquals(i + 1, record.get("ID").asLong());
            assertTrue(TransactionGenerator.USERNAMES.contains(record.get("USERNAME").asText()));
            BigDecimal amount = record.get("AMOUNT").decimalValue();
            assertTrue(records.get(i).matches(".*\"AMOUNT\":-?\\d{1,3}\\.\\d{2}}"), records.get(i));
            assertTrue(amount.abs().compareTo(new BigDecimal("999.99")) <= 0, records.get(i));
            negative |= amount.signum() < 0;
            positive |= amount.signum() > 0;
        }
        assertTrue(negative && positive, "both signs over 2000 records");
    }
}
