package io.github.kinesisfanout.flink;

import io.github.kinesisfanout.local.FlinkJobException;
import io.github.kinesisfanout.local.FlinkJobProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded job jar in a forked JVM on a MiniCluster, reading and writing the in-process local cloud's Kinesis. */
class FanoutJobIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static LocalFlinkRun run;

    @BeforeAll
    static void startCloud() {
        run = new LocalFlinkRun();
    }

    @AfterAll
    static void stopCloud() {
        run.close();
    }

    @Test
    void theReferenceFanOutRoutesEveryRecordOnce(@TempDir Path dir) throws Exception {
        run.createStream("Transactions", 1);
        run.createStream("Positive", 1);
        run.createStream("Negative", 1);
        // ID i has AMOUNT i - 400: IDs 0..399 are negative (400 records), 400..999 are >= 0 (600 records).
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add("{\"ID\":" + i + ",\"USERNAME\":\"user" + (i % 5) + "\",\"AMOUNT\":" + (i - 400) + ".5}");
        }
        run.put("Transactions", records.subList(0, 500));
        Path properties = run.writeProperties(dir, Map.of("input.stream", "Transactions",
                "output.POSITIVE_TRANSACTIONS.stream", "Positive", "output.NEGATIVE_TRANSACTIONS.stream", "Negative"));
        Path jar = LocalFlinkRun.applicationJar(dir, "fanout.sql");
        FlinkJobProcess job = run.start(jar, null, properties, LocalFlinkRun.log("fanout"), List.of());
        job.awaitRunning(START);
        assertTrue(job.jobId().length() == 32, job.jobId());
        run.put("Transactions", records.subList(500, 1000));

        // With AMOUNT = i - 400 + 0.5: i = 400 gives 0.5 (positive) and i = 399 gives -1.5 (negative).
        run.awaitRecords("Positive", r -> r.size() >= 600, Duration.ofSeconds(60), job);
        run.awaitRecords("Negative", r -> r.size() >= 400, Duration.ofSeconds(60), job);
        Path temporary = FlinkJobProcess.temporaryDirectory(job.logFile());
        try (java.util.stream.Stream<Path> unpacked = Files.list(temporary)) {
            assertTrue(unpacked.findAny().isPresent(), "the job's JVM unpacks Flink's files into " + temporary);
        }
        job.stop(Duration.ofSeconds(20));
        assertFalse(job.isAlive());
        assertFalse(Files.exists(temporary), "the job's temporary directory goes when it stops");

        List<String> positive = run.readAll("Positive");
        List<String> negative = run.readAll("Negative");
        assertEquals(600, positive.size());
        assertEquals(400, negative.size());
        TreeSet<Integer> positiveIds = ids(positive);
        assertEquals(600, positiveIds.size());
        assertEquals(400, positiveIds.first());
        assertEquals(999, positiveIds.last());
        TreeSet<Integer> negativeIds = ids(negative);
        assertEquals(400, negativeIds.size());
        assertEquals(0, negativeIds.first());
        assertEquals(399, negativeIds.last());
        assertTrue(positive.contains("{\"ID\":400,\"USERNAME\":\"user0\",\"AMOUNT\":0.5}"), positive.get(0));
    }

    @Test
    void aJobWhoseInputStreamDoesNotExistFailsWithTheRootCause(@TempDir Path dir) throws Exception {
        run.createStream("OutA", 1);
        run.createStream("OutB", 1);
        Path properties = run.writeProperties(dir, Map.of("input.stream", "NoSuchStream",
                "output.POSITIVE_TRANSACTIONS.stream", "OutA", "output.NEGATIVE_TRANSACTIONS.stream", "OutB"));
        Path script = LocalFlinkRun.scriptDirectory(dir, "fanout.sql");
        FlinkJobProcess job = run.start(LocalFlinkRun.JOB_JAR, script, properties, LocalFlinkRun.log("missing-input"), List.of());
        FlinkJobException failure = assertThrows(FlinkJobException.class, () -> {
            job.awaitRunning(START);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (job.failure().isEmpty() && job.isAlive() && System.nanoTime() < deadline) {
                LocalFlinkRun.pause();
            }
            job.awaitRunning(Duration.ofSeconds(1));
            throw new AssertionError("the job did not fail");
        });
        assertTrue(failure.getMessage().contains("NoSuchStream"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("(log: " + LocalFlinkRun.log("missing-input").toAbsolutePath() + ")"),
                failure.getMessage());
    }

    @Test
    void aPlanningErrorNamesTheScriptLineAndTheKdaLine(@TempDir Path dir) throws Exception {
        Path properties = run.writeProperties(dir, Map.of("input.stream", "In",
                "output.POSITIVE_TRANSACTIONS.stream", "A", "output.NEGATIVE_TRANSACTIONS.stream", "B"));
        Path script = LocalFlinkRun.scriptDirectory(dir, "unknown-column.sql");
        FlinkJobProcess job = run.start(LocalFlinkRun.JOB_JAR, script, properties, LocalFlinkRun.log("planning-error"), List.of());
        FlinkJobException failure = assertThrows(FlinkJobException.class, () -> job.awaitRunning(START));
        assertTrue(failure.getMessage().startsWith("Flink cannot plan the statement at application.sql line 63,"
                + " column 7, translated from KDA line 5: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("Column 'AMOUNTS' not found"), failure.getMessage());
    }

    @Test
    void aMissingRequiredPropertyFailsTheStartNamingIt(@TempDir Path dir) throws Exception {
        Path properties = run.writeProperties(dir, Map.of("input.stream", "In",
                "output.POSITIVE_TRANSACTIONS.stream", "A"));
        Path script = LocalFlinkRun.scriptDirectory(dir, "fanout.sql");
        FlinkJobProcess job = run.start(LocalFlinkRun.JOB_JAR, script, properties, LocalFlinkRun.log("missing-property"), List.of());
        FlinkJobException failure = assertThrows(FlinkJobException.class, () -> job.awaitRunning(START));
        assertTrue(failure.getMessage().startsWith("required property output.NEGATIVE_TRANSACTIONS.stream is not set"
                + " (used by application.sql line 44)"), failure.getMessage());
    }

    static TreeSet<Integer> ids(List<String> records) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String record : records) {
            int start = record.indexOf("\"ID\":") + 5;
            int end = start;
            while (end < record.length() && (Character.isDigit(record.charAt(end)) || record.charAt(end) == '-')) {
                end++;
            }
            ids.add(Integer.parseInt(record.substring(start, end)));
        }
        return ids;
    }
}
