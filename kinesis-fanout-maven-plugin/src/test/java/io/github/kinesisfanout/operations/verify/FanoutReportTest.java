package io.github.kinesisfanout.operations.verify;

import static io.github.kinesisfanout.operations.verify.Rows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanoutReportTest {

    private static OutputResult result(String name, int expected, int matched, int unexpected, int duplicated,
            List<Long> latencies, Integer logged) {
        int missing = expected - matched;
        return new OutputResult(name, name + "Stream", expected, matched + unexpected + duplicated, matched, missing,
                unexpected, duplicated, missing > 0 ? List.of(json("{\"ID\":7}")) : List.of(),
                unexpected > 0 ? List.of(json("{\"ID\":-1}")) : List.of(), latencies, logged);
    }

    @Test
    void summarizesAPassingRunOnOneLine() {
        FanoutReport report = new FanoutReport(1000, List.of(
                result("POSITIVE_TRANSACTIONS", 503, 503, 0, 0, List.of(10L, 31L), 503),
                result("NEGATIVE_TRANSACTIONS", 497, 497, 0, 0, List.of(12L), 497),
                result("error_stream", 0, 0, 0, 0, List.of(), null)), true);

        assertTrue(report.passed());
        assertEquals("put 1000 records -> POSITIVE_TRANSACTIONS 503/503, NEGATIVE_TRANSACTIONS 497/497, error_stream 0;"
                + " consumers logged 1000; p99 put->output 31 ms", report.summary());
        assertEquals(List.of(), report.problems());
    }

    @Test
    void namesMissingAndUnexpectedRows() {
        FanoutReport report = new FanoutReport(10, List.of(
                result("POSITIVE_TRANSACTIONS", 5, 4, 0, 1, List.of(1L), null),
                result("NEGATIVE_TRANSACTIONS", 5, 5, 1, 0, List.of(2L), null)), false);

        assertFalse(report.passed());
        assertEquals("put 10 records -> POSITIVE_TRANSACTIONS 4/5 (1 duplicated), NEGATIVE_TRANSACTIONS 5/5 +1 unexpected;"
                + " p99 put->output 2 ms", report.summary());
        assertEquals(List.of(
                "POSITIVE_TRANSACTIONS (stream POSITIVE_TRANSACTIONSStream): 1 of 5 expected rows did not arrive, first: {\"ID\":7}",
                "NEGATIVE_TRANSACTIONS (stream NEGATIVE_TRANSACTIONSStream): 1 rows arrived that the SQL does not route"
                        + " there, first: {\"ID\":-1}"), report.problems());
    }

    @Test
    void anErrorStreamRowFailsTheCheck() {
        FanoutReport report = new FanoutReport(3, List.of(result("error_stream", 0, 0, 1, 0, List.of(), null)), false);
        assertFalse(report.passed());
        assertEquals("put 3 records -> error_stream 1", report.summary());
    }

    @Test
    void aConsumerThatLoggedTooFewFailsWhenLogsAreChecked() {
        FanoutReport report = new FanoutReport(5, List.of(result("POSITIVE_TRANSACTIONS", 5, 5, 0, 0, List.of(3L), 4)), true);
        assertFalse(report.passed());
        assertEquals("put 5 records -> POSITIVE_TRANSACTIONS 5/5; consumers logged 4 of 5; p99 put->output 3 ms",
                report.summary());
        assertEquals(List.of("POSITIVE_TRANSACTIONS (stream POSITIVE_TRANSACTIONSStream): its consumer logged 4 of 5 rows"),
                report.problems());
    }

    @Test
    void theVerdictSurvivesTheRoundTripThroughTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/report.json");
        FanoutReport report = new FanoutReport(5, List.of(result("NEGATIVE_TRANSACTIONS", 5, 3, 0, 0, List.of(3L), null)), false);

        FanoutReportFile.write(file, report);
        FanoutReportFile.Verdict verdict = FanoutReportFile.read(file);

        assertFalse(verdict.passed());
        assertEquals(report.summary(), verdict.summary());
        assertEquals(report.problems(), verdict.problems());
        assertTrue(Files.readString(file).contains("\"p99Millis\" : 3"));
    }

    @Test
    void readingAMissingOrForeignFileFailsClearly(@TempDir Path dir) throws IOException {
        assertThrows(NoSuchFileException.class, () -> FanoutReportFile.read(dir.resolve("none.json")));
        Path other = Files.writeString(dir.resolve("other.json"), "{\"x\":1}");
        IOException e = assertThrows(IOException.class, () -> FanoutReportFile.read(other));
        assertTrue(e.getMessage().endsWith("is not a routing report: it has no boolean \"passed\""), e.getMessage());
    }
}
