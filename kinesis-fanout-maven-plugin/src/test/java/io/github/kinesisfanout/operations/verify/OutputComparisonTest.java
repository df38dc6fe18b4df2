package io.github.kinesisfanout.operations.verify;

import static io.github.kinesisfanout.operations.verify.Rows.arrived;
import static io.github.kinesisfanout.operations.verify.Rows.expected;
import static io.github.kinesisfanout.operations.verify.Rows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputComparisonTest {

    private static OutputResult compare(List<ExpectedRow> expected, List<ArrivedRow> arrived) {
        return OutputComparison.compare("POSITIVE_TRANSACTIONS", "PositiveTransactions", expected, arrived, Set.of());
    }

    @Test
    void everyExpectedRowArrivedInAnyOrder() {
        OutputResult result = compare(
                List.of(expected("{\"ID\":1,\"AMOUNT\":1.5}", 1000), expected("{\"ID\":2,\"AMOUNT\":2}", 1010)),
                List.of(arrived("{\"ID\":2,\"AMOUNT\":2.00}", 1040), arrived("{\"AMOUNT\":1.50,\"ID\":1}", 1030)));

        assertTrue(result.routedCorrectly());
        assertEquals(2, result.expected());
        assertEquals(2, result.arrived());
        assertEquals(2, result.matched());
        assertEquals(0, result.missing());
        assertEquals(0, result.unexpected());
        assertEquals(0, result.duplicated());
        assertEquals(List.of(30L, 30L), result.latenciesMillis());
    }

    @Test
    void aRowThatNeverArrivedIsMissingAndListed() {
        OutputResult result = compare(
                List.of(expected("{\"ID\":1}", 0), expected("{\"ID\":2}", 0), expected("{\"ID\":3}", 0)),
                List.of(arrived("{\"ID\":2}", 5)));

        assertFalse(result.routedCorrectly());
        assertEquals(2, result.missing());
        assertEquals(1, result.matched());
        assertEquals(List.of(json("{\"ID\":1}"), json("{\"ID\":3}")), result.firstMissing());
    }

    @Test
    void aRowTheSqlDoesNotRouteThereIsUnexpected() {
        OutputResult result = compare(
                List.of(expected("{\"ID\":1,\"AMOUNT\":3}", 0)),
                List.of(arrived("{\"ID\":1,\"AMOUNT\":3}", 1), arrived("{\"ID\":9,\"AMOUNT\":-3}", 2), arrived("\"not json\"", 3)));

        assertFalse(result.routedCorrectly());
        assertEquals(2, result.unexpected());
        assertEquals(0, result.missing());
        assertEquals(List.of(json("{\"ID\":9,\"AMOUNT\":-3}"), json("\"not json\"")), result.firstUnexpected());
    }

    @Test
    void anExtraCopyOfAnExpectedRowIsADuplicateNotAFailure() {
        OutputResult result = compare(
                List.of(expected("{\"ID\":1}", 100)),
                List.of(arrived("{\"ID\":1}", 150), arrived("{\"ID\":1}", 170)));

        assertTrue(result.routedCorrectly());
        assertEquals(1, result.duplicated());
        assertEquals(1, result.matched());
        assertEquals(List.of(50L), result.latenciesMillis());
    }

    @Test
    void identicalRowsExpectedTwiceNeedTwoArrivals() {
        OutputResult result = compare(
                List.of(expected("{\"A\":1}", 10), expected("{\"A\":1}", 20)),
                List.of(arrived("{\"A\":1.0}", 40)));

        assertEquals(1, result.missing());
        assertEquals(0, result.duplicated());
        // The one arrival pairs with the earliest put.
        assertEquals(List.of(30L), result.latenciesMillis());
    }

    @Test
    void numbersMatchByValue() {
        OutputResult result = compare(
                List.of(expected("{\"AMOUNT\":12.3}", 0)),
                List.of(arrived("{\"AMOUNT\":12.30}", 0)));
        assertEquals(1, result.matched());
        assertTrue(result.routedCorrectly());
    }

    @Test
    void listsAtMostTheFirstFewRows() {
        List<ExpectedRow> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(expected("{\"ID\":" + i + "}", i));
        }
        OutputResult result = compare(expected, List.of());
        assertEquals(20, result.missing());
        assertEquals(OutputComparison.LISTED, result.firstMissing().size());
        assertEquals(json("{\"ID\":0}"), result.firstMissing().get(0));
    }

    @Test
    void ignoredColumnsDoNotMakeRowsDiffer() {
        OutputResult result = OutputComparison.compare("error_stream", "Errors",
                List.of(expected("{\"ERROR_TIME\":\"a\",\"DATA_ROW\":\"7b\"}", 0)),
                List.of(arrived("{\"ERROR_TIME\":\"b\",\"DATA_ROW\":\"7b\"}", 0)),
                Set.of("ERROR_TIME"));
        assertTrue(result.routedCorrectly());
    }

    @Test
    void percentilesUseNearestRank() {
        List<ExpectedRow> expected = new ArrayList<>();
        List<ArrivedRow> arrived = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            expected.add(expected("{\"ID\":" + i + "}", 0));
            arrived.add(arrived("{\"ID\":" + i + "}", i));
        }
        OutputResult result = compare(expected, arrived);
        assertEquals(50L, result.p50Millis());
        assertEquals(99L, result.p99Millis());
        assertEquals(null, compare(List.of(), List.of()).p99Millis());
    }
}
