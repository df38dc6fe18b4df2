package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The random, fixed and field partition key strategies. */
class PartitionKeyStrategyTest {

    private static final String RECORD = "{\"ID\":3,\"USERNAME\":\"carol\",\"AMOUNT\":-1.50}";

    @Test
    void randomKeysAreDistinctAndReproducibleBySeed() {
        PartitionKeyStrategy a = PartitionKeyStrategy.parse("random", 9);
        PartitionKeyStrategy b = PartitionKeyStrategy.parse("random", 9);
        Set<String> keys = new HashSet<>();
        for (int i = 1; i <= 1000; i++) {
            String key = a.keyFor(i, RECORD);
            assertEquals(key, b.keyFor(i, RECORD));
            assertEquals(32, key.length());
            keys.add(key);
        }
        assertEquals(1000, keys.size());
        assertNotEquals(a.keyFor(1, RECORD), PartitionKeyStrategy.parse("random", 10).keyFor(1, RECORD));
    }

    @Test
    void fixedKeyForEveryRecord() {
        PartitionKeyStrategy fixed = PartitionKeyStrategy.parse("shard-zero", 1);
        assertEquals("shard-zero", fixed.keyFor(1, RECORD));
        assertEquals("shard-zero", fixed.keyFor(2, "not json"));
    }

    @Test
    void fieldKeyTakesTheFieldText() {
        assertEquals("carol", PartitionKeyStrategy.parse("field:USERNAME", 1).keyFor(1, RECORD));
        assertEquals("3", PartitionKeyStrategy.parse("field:ID", 1).keyFor(1, RECORD));
    }

    @Test
    void missingFieldNamesTheRecordAndTheField() {
        FanoutException e = assertThrows(FanoutException.class,
                () -> PartitionKeyStrategy.parse("field:ACCOUNT", 1).keyFor(17, RECORD));
        assertTrue(e.getMessage().startsWith("Record 17 has no field 'ACCOUNT'"), e.getMessage());
        assertThrows(FanoutException.class, () -> PartitionKeyStrategy.parse("field:ID", 1).keyFor(1, "not json"));
    }

    @Test
    void badSpecsNameTheParameter() {
        FanoutException empty = assertThrows(FanoutException.class, () -> PartitionKeyStrategy.parse("", 1));
        assertTrue(empty.getMessage().contains("-Dfanout.partitionKey="), empty.getMessage());
        FanoutException noField = assertThrows(FanoutException.class, () -> PartitionKeyStrategy.parse("field:", 1));
        assertTrue(noField.getMessage().contains("<partitionKey>"), noField.getMessage());
        assertThrows(FanoutException.class, () -> PartitionKeyStrategy.parse("k".repeat(257), 1));
    }
}
