package io.github.kinesisfanout.operations.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.operations.FanoutException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputSpecsTest {

    @Test
    void readsStreamsByNameOrArnWithOptionalFunctions() {
        assertEquals(List.of(
                new OutputSpec("POSITIVE_TRANSACTIONS", "PositiveTransactions", "positive-fn", null, null),
                new OutputSpec("NEGATIVE_TRANSACTIONS", "arn:aws:kinesis:us-east-1:000000000000:stream/Negative", null,
                        null, null)),
                OutputSpecs.parse(" POSITIVE_TRANSACTIONS=PositiveTransactions@positive-fn ,"
                        + "NEGATIVE_TRANSACTIONS=arn:aws:kinesis:us-east-1:000000000000:stream/Negative", "fanout.verify.outputs"));
    }

    @Test
    void theLogMarkerDefaultsToTheStreamName() {
        OutputSpec spec = OutputSpecs.parse("A=B", "p").get(0);
        assertEquals("A ", spec.logMarker());
        assertEquals(Set.of(), spec.ignoredColumns());
    }

    @Test
    void anEntryWithoutStreamSaysHowToWriteIt() {
        FanoutException e = assertThrows(FanoutException.class,
                () -> OutputSpecs.parse("POSITIVE_TRANSACTIONS", "fanout.verify.outputs"));
        assertEquals("'POSITIVE_TRANSACTIONS' in -Dfanout.verify.outputs is not NAME=STREAM[@FUNCTION]: write e.g."
                + " -Dfanout.verify.outputs=POSITIVE_TRANSACTIONS=PositiveTransactions@my-consumer", e.getMessage());
        assertThrows(FanoutException.class, () -> OutputSpecs.parse("=Stream", "p"));
        assertThrows(FanoutException.class, () -> OutputSpecs.parse("NAME=", "p"));
    }
}
