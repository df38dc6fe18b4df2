package io.github.kinesisfanout.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransactionDecoderTest {

    private final TransactionDecoder decoder = new TransactionDecoder();

    private Transaction decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheThreeColumns() {
        Transaction t = decode("{\"ID\":17,\"USERNAME\":\"alice\",\"AMOUNT\":12.34}");
        assertEquals(new Transaction(17, "alice", new BigDecimal("12.34")), t);
    }

    @Test
    void keepsNegativeAmountsExact() {
        assertEquals(new BigDecimal("-0.01"), decode("{\"ID\":1,\"USERNAME\":\"b\",\"AMOUNT\":-0.01}").amount());
    }

    @Test
    void acceptsAnIntegerAmountAndIgnoresUnknownMembers() {
        Transaction t = decode("{\"AMOUNT\":5,\"EXTRA\":{\"a\":[1,2]},\"ID\":3,\"USERNAME\":\"c\"}");
        assertEquals(new Transaction(3, "c", new BigDecimal("5")), t);
    }

    @Test
    void absentAndNullMembersAreNull() {
        Transaction t = decode("{\"ID\":null,\"AMOUNT\":1.5}");
        assertNull(t.id());
        assertNull(t.username());
        assertEquals(new BigDecimal("1.5"), t.amount());
    }

    @Test
    void membersAreCaseSensitiveAsTheOutputWritesThem() {
        Transaction t = decode("{\"id\":1,\"username\":\"x\",\"amount\":2}");
        assertEquals(new Transaction(null, null, null), t);
    }

    @Test
    void rejectsNonObjects() {
        MalformedTransactionException e = assertThrows(MalformedTransactionException.class, () -> decode("[1,2]"));
        assertTrue(e.getMessage().startsWith("record is not a JSON object: [1,2]"), e.getMessage());
    }

    @Test
    void rejectsInvalidJson() {
        MalformedTransactionException e = assertThrows(MalformedTransactionException.class, () -> decode("{\"ID\":"));
        assertTrue(e.getMessage().startsWith("record is not valid JSON"), e.getMessage());
    }

    @Test
    void rejectsWrongTypesNamingTheMember() {
        assertEquals("ID is not an integer: 1.5",
                assertThrows(MalformedTransactionException.class, () -> decode("{\"ID\":1.5}")).getMessage());
        assertEquals("USERNAME is not a string: 7",
                assertThrows(MalformedTransactionException.class, () -> decode("{\"USERNAME\":7}")).getMessage());
        assertEquals("AMOUNT is not a number: ten",
                assertThrows(MalformedTransactionException.class, () -> decode("{\"AMOUNT\":\"ten\"}")).getMessage());
    }
}
