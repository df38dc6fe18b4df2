package io.github.kinesisfanout.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputMappingTest {

    private static final String NEGATIVE_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/NegativeTransactions";

    private static List<ApplicationOutput> line(String value) {
        return OutputMapping.configured(null).plus(value, "fanout.outputs").outputs();
    }

    private static String lineError(String value) {
        return assertThrows(FanoutException.class, () -> line(value)).getMessage();
    }

    @Test
    void readsNameStreamFormatAndFunction() {
        assertEquals(List.of(
                new ApplicationOutput("POSITIVE_TRANSACTIONS", "PositiveTransactions", "JSON", "positive-fn"),
                new ApplicationOutput("NEGATIVE_TRANSACTIONS", "NegativeTransactions", "CSV", null),
                new ApplicationOutput("error_stream", "Errors", "JSON", null)),
                line(" POSITIVE_TRANSACTIONS = PositiveTransactions @ positive-fn ,"
                        + "NEGATIVE_TRANSACTIONS=NegativeTransactions:csv,error_stream=Errors:JSON"));
    }

    @Test
    void theFormatOfAnArnComesAfterItsFifthColon() {
        assertEquals(List.of(new ApplicationOutput("NEGATIVE_TRANSACTIONS", NEGATIVE_ARN, "JSON", null)),
                line("NEGATIVE_TRANSACTIONS=" + NEGATIVE_ARN));
        assertEquals(List.of(new ApplicationOutput("NEGATIVE_TRANSACTIONS", NEGATIVE_ARN, "CSV", "negative-fn")),
                line("NEGATIVE_TRANSACTIONS=" + NEGATIVE_ARN + ":CSV@negative-fn"));
        assertEquals("'N=" + NEGATIVE_ARN + ":XML' in -Dfanout.outputs has format 'XML': it must be JSON or CSV"
                + " (NAME=STREAM[:FORMAT][@FUNCTION])", lineError("N=" + NEGATIVE_ARN + ":XML"));
    }

    @Test
    void anOutputWithoutFormatIsJsonAndItsLogMarkerIsItsName() {
        ApplicationOutput output = line("A=B").get(0);
        assertEquals("JSON", output.format());
        assertNull(output.function());
        assertEquals("A ", output.logMarker());
        assertEquals(Set.of(), output.ignoreColumns());
    }

    @Test
    void theConfigurationComesFirstTrimmedWithItsFormatInCapitals() {
        ApplicationOutput configured = new ApplicationOutput(" NEGATIVE_TRANSACTIONS ", " NegativeTransactions ", "csv",
                " negative-fn ", "NEG ", List.of("AMOUNT"));
        List<ApplicationOutput> outputs = OutputMapping.configured(List.of(configured))
                .plus("POSITIVE_TRANSACTIONS=PositiveTransactions", "fanout.outputs").outputs();
        assertEquals(List.of(
                new ApplicationOutput("NEGATIVE_TRANSACTIONS", "NegativeTransactions", "CSV", "negative-fn", "NEG ",
                        List.of("AMOUNT")),
                new ApplicationOutput("POSITIVE_TRANSACTIONS", "PositiveTransactions", "JSON", null)), outputs);
        assertEquals("NEG ", outputs.get(0).logMarker());
        assertEquals(Set.of("AMOUNT"), outputs.get(0).ignoreColumns());
    }

    @Test
    void nothingConfiguredIsAnEmptyMapping() {
        assertEquals(List.of(), OutputMapping.configured(null).plus(null, "fanout.outputs").plus(" ", "fanout.outputs")
                .outputs());
    }

    @Test
    void aBadEntryNamesTheEntryAndTheProperty() {
        assertEquals("'POSITIVE_TRANSACTIONS' in -Dfanout.outputs is not NAME=STREAM[:FORMAT][@FUNCTION]: write e.g."
                + " -Dfanout.outputs=POSITIVE_TRANSACTIONS=PositiveTransactions:JSON@positive-consumer",
                lineError("POSITIVE_TRANSACTIONS"));
        assertEquals("'=PositiveTransactions' in -Dfanout.verify.outputs is not NAME=STREAM[:FORMAT][@FUNCTION]: write"
                + " e.g. -Dfanout.verify.outputs=POSITIVE_TRANSACTIONS=PositiveTransactions:JSON@positive-consumer",
                assertThrows(FanoutException.class, () -> OutputMapping.configured(null)
                        .plus("=PositiveTransactions", "fanout.verify.outputs")).getMessage());
        assertEquals("'NAME=' in -Dfanout.outputs is not NAME=STREAM[:FORMAT][@FUNCTION]: write e.g."
                + " -Dfanout.outputs=POSITIVE_TRANSACTIONS=PositiveTransactions:JSON@positive-consumer",
                lineError("NAME="));
        assertEquals("'A=Stream:XML' in -Dfanout.outputs has format 'XML': it must be JSON or CSV"
                + " (NAME=STREAM[:FORMAT][@FUNCTION])", lineError("A=Stream:XML"));
        assertEquals("'A=Stream:' in -Dfanout.outputs has format '': it must be JSON or CSV"
                + " (NAME=STREAM[:FORMAT][@FUNCTION])", lineError("A=Stream:"));
        assertEquals("'A=:JSON' in -Dfanout.outputs has no stream before its format: write"
                + " NAME=STREAM[:FORMAT][@FUNCTION]", lineError("A=:JSON"));
        assertEquals("'A=Stream@' in -Dfanout.outputs needs one function name after its @"
                + " (NAME=STREAM[:FORMAT][@FUNCTION]), or no @ at all", lineError("A=Stream@"));
        assertEquals("'A=Stream@f@g' in -Dfanout.outputs needs one function name after its @"
                + " (NAME=STREAM[:FORMAT][@FUNCTION]), or no @ at all", lineError("A=Stream@f@g"));
        assertEquals("-Dfanout.outputs=A=S,,B=T has an empty entry: write the entries NAME=STREAM[:FORMAT][@FUNCTION]"
                + " separated by single commas", lineError("A=S,,B=T"));
    }

    @Test
    void anInApplicationStreamIsMappedOnce() {
        assertEquals("Output A is mapped twice, in -Dfanout.outputs: each in-application stream goes to one Kinesis"
                + " stream; keep one", lineError("A=S,A=T"));
        FanoutException e = assertThrows(FanoutException.class, () -> OutputMapping
                .configured(List.of(new ApplicationOutput("A", "S", null, null))).plus("A=T", "fanout.outputs"));
        assertEquals("Output A is mapped twice, in <outputs> and in -Dfanout.outputs: each in-application stream goes"
                + " to one Kinesis stream; keep one", e.getMessage());
    }

    @Test
    void aConfiguredOutputNeedsANameAStreamAndAKnownFormat() {
        FanoutException missing = assertThrows(FanoutException.class, () -> OutputMapping.configured(List.of(
                new ApplicationOutput("A", "S", null, null), new ApplicationOutput("B", null, null, null))));
        assertEquals("<output> number 2 of <outputs> needs a <name> (the in-application stream, e.g."
                + " POSITIVE_TRANSACTIONS) and a <stream> (the Kinesis stream it is written to, e.g."
                + " ${fanout.output.PositiveStreamName}); a ${fanout.output.*} property is empty until deploy-stack"
                + " has run in the same build", missing.getMessage());
        FanoutException format = assertThrows(FanoutException.class, () -> OutputMapping.configured(List.of(
                new ApplicationOutput("A", "S", "Avro", null))));
        assertEquals("<output> number 1 of <outputs> (A) has <format> Avro: it must be JSON or CSV", format.getMessage());
    }
}
