package io.github.kinesisfanout.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TransactionFormatterTest {

    @Test
    void formatsTheStreamAndTheThreeColumns() {
        TransactionFormatter formatter = new TransactionFormatter("POSITIVE_TRANSACTIONS");
        assertEquals("POSITIVE_TRANSACTIONS ID=17 USERNAME=alice AMOUNT=12.34",
                formatter.format(new Transaction(17, "alice", new BigDecimal("12.34"))));
    }

    @Test
    void restoresTheTwoDecimalsJsonDropped() {
        TransactionFormatter formatter = new TransactionFormatter("NEGATIVE_TRANSACTIONS");
        assertEquals("NEGATIVE_TRANSACTIONS ID=4 USERNAME=bob AMOUNT=-3.10",
                formatter.format(new Transaction(4, "bob", new BigDecimal("-3.1"))));
        assertEquals("NEGATIVE_TRANSACTIONS ID=5 USERNAME=bob AMOUNT=-7.00",
                formatter.format(new Transaction(5, "bob", new BigDecimal("-7"))));
    }

    @Test
    void showsNullColumnsAsNull() {
        assertEquals("S ID=null USERNAME=null AMOUNT=null",
                new TransactionFormatter("S").format(new Transaction(null, null, null)));
    }
}
