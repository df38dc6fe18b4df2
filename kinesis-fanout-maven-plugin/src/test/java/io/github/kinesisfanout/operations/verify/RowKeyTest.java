package io.github.kinesisfanout.operations.verify;

import static io.github.kinesisfanout.operations.verify.Rows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RowKeyTest {

    private static String key(String text) {
        return RowKey.of(json(text), Set.of());
    }

    @Test
    void numbersCompareByValue() {
        assertEquals(key("{\"AMOUNT\":12.3}"), key("{\"AMOUNT\":12.30}"));
        assertEquals(key("{\"AMOUNT\":5}"), key("{\"AMOUNT\":5.00}"));
        assertEquals(key("{\"AMOUNT\":0}"), key("{\"AMOUNT\":-0.00}"));
        assertEquals(key("{\"AMOUNT\":1E+2}"), key("{\"AMOUNT\":100}"));
        assertNotEquals(key("{\"AMOUNT\":12.3}"), key("{\"AMOUNT\":12.31}"));
    }

    @Test
    void memberOrderDoesNotMatter() {
        assertEquals(key("{\"ID\":1,\"USERNAME\":\"a\"}"), key("{\"USERNAME\":\"a\",\"ID\":1}"));
    }

    @Test
    void typesAndNamesStillMatter() {
        assertNotEquals(key("{\"ID\":1}"), key("{\"ID\":\"1\"}"));
        assertNotEquals(key("{\"ID\":null}"), key("{}"));
        assertNotEquals(key("{\"ID\":1}"), key("{\"id\":1}"));
        assertNotEquals(key("{\"A\":true}"), key("{\"A\":\"true\"}"));
    }

    @Test
    void nestedValuesAreCanonicalToo() {
        assertEquals(key("{\"A\":[1.0,{\"y\":2,\"x\":1}]}"), key("{\"A\":[1,{\"x\":1.00,\"y\":2}]}"));
    }

    @Test
    void ignoredColumnsAreLeftOut() {
        Set<String> ignored = Set.of("ERROR_TIME");
        assertEquals(RowKey.of(json("{\"ERROR_TIME\":\"2026-01-01 00:00:00.000\",\"DATA_ROW\":\"7b\"}"), ignored),
                RowKey.of(json("{\"DATA_ROW\":\"7b\",\"ERROR_TIME\":\"2026-11-25 18:00:00.123\"}"), ignored));
    }

    @Test
    void namesWithQuotesStayDistinct() {
        assertNotEquals(key("{\"a\\\":1,\\\"b\":2}"), key("{\"a\":1,\"b\":2}"));
    }
}
