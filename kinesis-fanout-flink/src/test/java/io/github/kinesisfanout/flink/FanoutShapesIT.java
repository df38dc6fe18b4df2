package io.github.kinesisfanout.flink;

import io.github.kinesisfanout.local.FlinkJobProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chains, CASE, tumbling windows, CSV, two input shards, and a stop with savepoint then restore, on the forked job. */
class FanoutShapesIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration OUTPUT = Duration.ofSeconds(60);
    private static LocalFlinkRun run;

    @BeforeAll
    static void startCloud() {
        run = new LocalFlinkRun();
    }

    @AfterAll
    static void stopCloud() {
        run.close();
    }

    private FlinkJobProcess start(Path dir, String script, String log, Map<String, String> streams) throws Exception {
        Path properties = run.writeProperties(dir, streams);
        FlinkJobProcess job = run.start(LocalFlinkRun.JOB_JAR, LocalFlinkRun.scriptDirectory(dir, script), properties,
                LocalFlinkRun.log(log), List.of());
        return job.awaitRunning(START);
    }

    @Test
    void aChainThroughAViewWithCase(@TempDir Path dir) throws Exception {
        run.createStream("ChainIn", 1);
        run.createStream("ChainOut", 1);
        // AMOUNT = i - 50: i < 50 REFUND (50 rows), 50..149 SMALL (100 rows, dropped), 150..299 BIG (150 rows).
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add("{\"ID\":" + i + ",\"USERNAME\":\"u\",\"AMOUNT\":" + (i - 50) + "}");
        }
        run.put("ChainIn", records);
        FlinkJobProcess job = start(dir, "chain-case.sql", "chain-case",
                Map.of("input.stream", "ChainIn", "output.NOT_SMALL.stream", "ChainOut"));
        run.awaitRecords("ChainOut", r -> r.size() >= 200, OUTPUT, job);
        job.stop(Duration.ofSeconds(20));
        List<String> out = run.readAll("ChainOut");
        assertEquals(200, out.size());
        assertEquals(50, out.stream().filter(r -> r.endsWith("\"KIND\":\"REFUND\"}")).count());
        assertEquals(150, out.stream().filter(r -> r.endsWith("\"KIND\":\"BIG\"}")).count());
        assertTrue(out.contains("{\"ID\":150,\"USERNAME\":\"u\",\"KIND\":\"BIG\"}"), out.toString());
        assertTrue(out.contains("{\"ID\":49,\"USERNAME\":\"u\",\"KIND\":\"REFUND\"}"), out.toString());
    }

    @Test
    void aTumblingAggregationCountsEveryRecordOnce(@TempDir Path dir) throws Exception {
        run.createStream("TumbleIn", 1);
        run.createStream("TumbleOut", 1);
        FlinkJobProcess job = start(dir, "tumbling.sql", "tumbling",
                Map.of("input.stream", "TumbleIn", "output.COUNTS.stream", "TumbleOut"));
        // 300 records, USERNAME u(i % 3), AMOUNT 2.5: each user 100 records and a total of 250.0, in whatever windows.
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add("{\"ID\":" + i + ",\"USERNAME\":\"u" + (i % 3) + "\",\"AMOUNT\":2.5}");
        }
        run.put("TumbleIn", records);
        run.awaitRecords("TumbleOut", r -> countsByUser(r).values().stream().mapToLong(v -> v[0]).sum() >= 300,
                OUTPUT, job);
        job.stop(Duration.ofSeconds(20));
        Map<String, long[]> counts = countsByUser(run.readAll("TumbleOut"));
        assertEquals(3, counts.size());
        for (String user : List.of("u0", "u1", "u2")) {
            assertEquals(100, counts.get(user)[0], user);
            assertEquals(2500, counts.get(user)[1], user + " total x10");
        }
    }

    /** USERNAME -> {sum of N, sum of TOTAL x 10} over the window rows {"USERNAME":"u0","N":7,"TOTAL":17.5}. */
    private static Map<String, long[]> countsByUser(List<String> rows) {
        Map<String, long[]> counts = new HashMap<>();
        for (String row : rows) {
            String user = between(row, "\"USERNAME\":\"", "\"");
            long n = Long.parseLong(between(row, "\"N\":", ","));
            long total = Math.round(Double.parseDouble(between(row, "\"TOTAL\":", "}")) * 10);
            long[] sum = counts.computeIfAbsent(user, u -> new long[2]);
            sum[0] += n;
            sum[1] += total;
        }
        return counts;
    }

    private static String between(String text, String before, String after) {
        int start = text.indexOf(before) + before.length();
        return text.substring(start, text.indexOf(after, start));
    }

    @Test
    void csvInAndCsvOut(@TempDir Path dir) throws Exception {
        run.createStream("CsvIn", 1);
        run.createStream("CsvOut", 1);
        // i,user(i % 2),i.25 for i in 0..99; AMOUNT >= 50 keeps i = 50..99: 50 rows.
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(i + ",user" + (i % 2) + "," + i + ".25");
        }
        run.put("CsvIn", records);
        FlinkJobProcess job = start(dir, "csv.sql", "csv", Map.of("input.stream", "CsvIn", "output.LARGE.stream", "CsvOut"));
        run.awaitRecords("CsvOut", r -> r.size() >= 50, OUTPUT, job);
        job.stop(Duration.ofSeconds(20));
        List<String> out = run.readAll("CsvOut");
        assertEquals(50, out.size());
        assertTrue(out.contains("50,user0,50.25\n") || out.contains("50,user0,50.25"), out.get(0));
        assertTrue(out.contains("99,user1,99.25\n") || out.contains("99,user1,99.25"), out.get(0));
    }

    @Test
    void twoInputShardsAreReadByTwoSourceSubtasks(@TempDir Path dir) throws Exception {
        run.createStream("WideIn", 2);
        run.createStream("WidePos", 1);
        run.createStream("WideNeg", 1);
        // AMOUNT = i - 100 for i in 0..399: 100 negative, 300 positive; partition keys k0..k399 spread over both shards.
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add("{\"ID\":" + i + ",\"USERNAME\":\"u\",\"AMOUNT\":" + (i - 100) + "}");
        }
        run.put("WideIn", records);
        FlinkJobProcess job = start(dir, "fanout.sql", "two-shards", Map.of("input.stream", "WideIn",
                "output.POSITIVE_TRANSACTIONS.stream", "WidePos", "output.NEGATIVE_TRANSACTIONS.stream", "WideNeg"));
        run.awaitRecords("WidePos", r -> r.size() >= 300, OUTPUT, job);
        run.awaitRecords("WideNeg", r -> r.size() >= 100, OUTPUT, job);
        job.stop(Duration.ofSeconds(20));
        assertEquals(300, FanoutJobIT.ids(run.readAll("WidePos")).size());
        assertEquals(300, run.readAll("WidePos").size());
        assertEquals(100, run.readAll("WideNeg").size());
        String log = Files.readString(job.logFile());
        assertTrue(log.contains("Source: SOURCE_SQL_STREAM_001[1] -> (Calc[2], Calc[4]) (2/2)"), "no second subtask");
    }

    @Test
    void aTranslatedScriptSendsMalformedRecordsToErrorStream(@TempDir Path dir) throws Exception {
        run.createStream("ErrIn", 1);
        run.createStream("ErrOut", 1);
        run.createStream("ErrErrors", 1);
        run.put("ErrIn", List.of("{\"ID\":1,\"USERNAME\":\"a\",\"AMOUNT\":1.5}", "not json",
                "{\"ID\":2,\"USERNAME\":\"b\",\"AMOUNT\":-2.25}", "{\"ID\":3", "[1,2]"));
        FlinkJobProcess job = start(dir, "translated-error-stream.sql", "error-stream", Map.of("input.stream", "ErrIn",
                "output.OUT.stream", "ErrOut", "output.error_stream.stream", "ErrErrors"));
        run.awaitRecords("ErrOut", r -> r.size() >= 2, OUTPUT, job);
        run.awaitRecords("ErrErrors", r -> r.size() >= 3, OUTPUT, job);
        job.stop(Duration.ofSeconds(20));
        // AMOUNT is DECIMAL(5, 2): Flink's JSON writer (Jackson's DecimalNode, not exact) drops trailing zeros,
        // so 1.50 is written 1.5.
        assertEquals(List.of("{\"ID\":1,\"USERNAME\":\"a\",\"AMOUNT\":1.5}", "{\"ID\":2,\"USERNAME\":\"b\",\"AMOUNT\":-2.25}"),
                run.readAll("ErrOut"));
        List<String> errors = run.readAll("ErrErrors");
        assertEquals(3, errors.size());
        // DATA_ROW is the record's bytes in upper-case hex: "not json", "{"ID":3", "[1,2]".
        List<String> rows = new ArrayList<>();
        for (String error : errors) {
            assertTrue(error.contains("\"ERROR_LEVEL\":\"ERROR\",\"ERROR_NAME\":\"Parse_Error\""), error);
            rows.add(between(error, "\"DATA_ROW\":\"", "\""));
        }
        assertEquals(List.of("6E6F74206A736F6E", "7B224944223A33", "5B312C325D"), rows);
    }

    @Test
    void aStopWithSavepointThenARestoreReadsEachRecordOnce(@TempDir Path dir) throws Exception {
        run.createStream("SpIn", 1);
        run.createStream("SpPos", 1);
        run.createStream("SpNeg", 1);
        Map<String, String> streams = Map.of("input.stream", "SpIn",
                "output.POSITIVE_TRANSACTIONS.stream", "SpPos", "output.NEGATIVE_TRANSACTIONS.stream", "SpNeg");
        // First run: IDs 0..99 with AMOUNT i - 25: 25 negative, 75 positive.
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            first.add("{\"ID\":" + i + ",\"USERNAME\":\"u\",\"AMOUNT\":" + (i - 25) + "}");
        }
        run.put("SpIn", first);
        FlinkJobProcess job = start(dir, "fanout.sql", "savepoint-1", streams);
        run.awaitRecords("SpPos", r -> r.size() >= 75, OUTPUT, job);
        run.awaitRecords("SpNeg", r -> r.size() >= 25, OUTPUT, job);
        Optional<String> savepoint = job.stopWithSavepoint(dir.resolve("savepoints"), Duration.ofSeconds(60));
        assertTrue(savepoint.isPresent(), "no savepoint; log " + job.logFile());
        assertTrue(job.isStopped());
        assertFalse(job.isAlive());

        // Second run from the savepoint: IDs 100..199, AMOUNT i - 150: 50 negative, 50 positive; TRIM_HORIZON is ignored.
        List<String> second = new ArrayList<>();
        for (int i = 100; i < 200; i++) {
            second.add("{\"ID\":" + i + ",\"USERNAME\":\"u\",\"AMOUNT\":" + (i - 150) + "}");
        }
        run.put("SpIn", second);
        Path properties = run.writeProperties(dir, streams);
        FlinkJobProcess restored = FlinkJobProcess.start(new io.github.kinesisfanout.local.FlinkJobSpec(
                withScript(dir), LocalFlinkRun.JOB_JAR, null, properties, LocalFlinkRun.log("savepoint-2"), List.of(),
                savepoint.get()));
        try {
            restored.awaitRunning(START);
            run.awaitRecords("SpPos", r -> r.size() >= 125, OUTPUT, restored);
            run.awaitRecords("SpNeg", r -> r.size() >= 75, OUTPUT, restored);
        } finally {
            restored.stop(Duration.ofSeconds(20));
        }
        assertEquals(125, run.readAll("SpPos").size());
        assertEquals(75, run.readAll("SpNeg").size());
        assertEquals(200, FanoutJobIT.ids(run.readAll("SpPos")).size() + FanoutJobIT.ids(run.readAll("SpNeg")).size());
    }

    private static List<Path> withScript(Path dir) throws Exception {
        List<Path> classpath = new ArrayList<>(io.github.kinesisfanout.local.FlinkClasspath.fromLocalRepository(
                LocalFlinkRun.M2, LocalFlinkRun.FLINK_VERSION));
        classpath.add(LocalFlinkRun.scriptDirectory(dir, "fanout.sql"));
        return classpath;
    }
}
