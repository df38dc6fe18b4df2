package io.github.kinesisfanout.local.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.kinesisanalytics.model.InputStartingPosition;

/**
 * The fault soak: the sample pipeline (its template, SQL and consumer Lambdas) on a standalone
 * local cloud with a data directory, fed about 2,000 records/s while PutRecords entries fail at 5%,
 * AWS's per-shard limits are on, 1% of the consumers' invocations fail, the SQL application is
 * stopped and started from LAST_STOPPED_POINT once and the cloud is killed with SIGKILL and started
 * again once. Then it drains and reports what was put, what each output and each consumer got,
 * what is missing (must be 0: the exit code is 1 otherwise) and every duplicate with its cause.
 * Run by {@code bench/fault-soak.sh}; see the module README.
 */
public final class FaultSoak {

    private static final long DRAIN_TIMEOUT_MS = 15 * 60_000L;
    private static final long DRAIN_STALL_MS = 3 * 60_000L;

    private FaultSoak() {
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    static boolean run(SoakOptions o) throws Exception {
        prepare(o.workDir());
        List<String> faults = List.of("--throughput-limits", "--put-records-failure-rate", "0.05",
                "--lambda-failure-rate", "0.01", "--fault-seed", Long.toString(o.seed()), "--function-logs", "logs");
        List<String> report = new ArrayList<>();
        try (CloudProcess cloud = new CloudProcess(o.jar(), o.cloudHeap(), o.port(), o.workDir().resolve("data"),
                o.workDir(), faults)) {
            cloud.start();
            log("local cloud pid " + cloud.pid() + " at " + cloud.endpoint() + " " + String.join(" ", faults));
            SoakStack stack = new SoakStack(cloud::endpoint, o.sampleDir());
            stack.deploy(o.inputShards(), o.outputShards());
            stack.createAndStartApp();
            log("stack " + SoakStack.STACK + " and application " + SoakStack.APP + " are up: " + stack.outputs);
            Map<String, CloudProcess.Memory> memory = new LinkedHashMap<>();
            memory.put("start (0 records put)", cloud.memory(true));
            SoakProducer producer = new SoakProducer(stack.outputs.get("InputStreamName"), cloud.endpoint(), o.rate(),
                    o.seed());
            long t0 = System.currentTimeMillis();
            long end = t0 + o.durationSeconds() * 1000L;
            long stopAt = t0 + o.durationSeconds() * 400L;
            long killAt = t0 + o.durationSeconds() * 600L;
            // Live-heap samples (a full GC each) besides the start, the kill and the end: is memory flat?
            List<Long> samplesAt = new ArrayList<>(List.of(t0 + o.durationSeconds() * 300L,
                    t0 + o.durationSeconds() * 900L));
            long appStopAt = 0;
            long appStartedAt = 0;
            long killedAt = 0;
            long restartedAt = 0;
            producer.start(4);
            long nextProgress = t0 + 10_000;
            while (System.currentTimeMillis() < end) {
                long now = System.currentTimeMillis();
                if (appStopAt == 0 && now >= stopAt) {
                    appStopAt = now;
                    stack.stopApp();
                    stack.start(InputStartingPosition.LAST_STOPPED_POINT);
                    appStartedAt = System.currentTimeMillis();
                    log(String.format(Locale.ROOT, "application stopped and started from LAST_STOPPED_POINT in %.1f s",
                            (appStartedAt - appStopAt) / 1000.0));
                } else if (!samplesAt.isEmpty() && now >= samplesAt.get(0)) {
                    samplesAt.remove(0);
                    memory.put(String.format(Locale.ROOT, "at %d s (%d records put)", (now - t0) / 1000,
                            producer.acknowledged().size()), cloud.memory(true));
                } else if (killedAt == 0 && now >= killAt) {
                    memory.put(String.format(Locale.ROOT, "middle, before kill -9 at %d s (%d records put)",
                            (now - t0) / 1000, producer.acknowledged().size()), cloud.memory(true));
                    // The time of death, not of the signal: until it dies the old process may still log
                    // lines or write rows whose copies after the restart are the kill's duplicates.
                    cloud.killNine();
                    killedAt = System.currentTimeMillis();
                    cloud.start();
                    restartedAt = System.currentTimeMillis();
                    log(String.format(Locale.ROOT, "kill -9 and restart on the same data directory and port: down"
                            + " %.1f s, new pid %d", (restartedAt - killedAt) / 1000.0, cloud.pid()));
                } else if (now >= nextProgress) {
                    nextProgress = now + 10_000;
                    log(String.format(Locale.ROOT, "%3d s: made %d, acknowledged %d, batches queued %d, entries"
                            + " rejected %d, calls without answer %d; cloud %s", (now - t0) / 1000, producer.made(),
                            producer.acknowledged().size(), producer.queuedBatches(), producer.rejectedEntries(),
                            producer.unansweredCalls(), cloud.memory(false)));
                }
                Thread.sleep(100);
            }
            producer.finish();
            long putEnd = System.currentTimeMillis();
            Set<Integer> acked = producer.acknowledged();
            log("producer done: " + acked.size() + " acknowledged of " + producer.made() + " made, "
                    + String.format(Locale.ROOT, "%.0f records/s", acked.size() * 1000.0 / (putEnd - t0)));

            Map<Integer, String> routes = SoakRouting.expected(stack.sql(), stack.schema(), acked,
                    List.of("POSITIVE_TRANSACTIONS", "NEGATIVE_TRANSACTIONS", "error_stream"));
            SoakReadings readings = new SoakReadings(cloud.endpoint());
            Map<String, Set<Integer>> expected = new LinkedHashMap<>();
            for (String output : SoakStack.OUTPUTS) {
                Set<Integer> ids = new HashSet<>();
                routes.forEach((id, route) -> {
                    if (route.equals(output)) {
                        ids.add(id);
                    }
                });
                expected.put(output, ids);
            }
            Map<String, SoakReadings.ConsumerLines> consumed = drain(stack, readings, expected);
            long drained = System.currentTimeMillis();
            memory.put("end, drained (" + acked.size() + " records put)", cloud.memory(true));

            SoakEvents events = new SoakEvents(appStopAt, appStartedAt, killedAt, restartedAt);
            Map<Integer, java.util.List<Long>> input = readings.streamCopies(stack.outputs.get("InputStreamName"));
            Set<Integer> resent = producer.resentWithoutAnswer();
            SoakTally inputTally = SoakTally.of(input, acked, null,
                    id -> resent.contains(id) ? "re-sent by the producer after a PutRecords call got no answer" : null,
                    List.of());
            report.add(String.format(Locale.ROOT, "fault soak: %d s at %d records/s, input %d shards, outputs %d shards"
                    + " each; PutRecords entry failures 5%%, per-shard limits on, 1%% of mapping invocations failed,"
                    + " application stop/start from LAST_STOPPED_POINT at %d s (%.1f s), kill -9 at %d s (down %.1f s),"
                    + " drained %.0f s after the last put", o.durationSeconds(), o.rate(), o.inputShards(),
                    o.outputShards(), (appStopAt - t0) / 1000, (appStartedAt - appStopAt) / 1000.0,
                    (killedAt - t0) / 1000, (restartedAt - killedAt) / 1000.0, (drained - putEnd) / 1000.0));
            report.add(String.format(Locale.ROOT, "records put (acknowledged): %d (%.0f records/s); entries rejected"
                    + " and sent again %d; calls without an answer %d (%d records sent again)", acked.size(),
                    acked.size() * 1000.0 / (putEnd - t0), producer.rejectedEntries(), producer.unansweredCalls(),
                    resent.size()));
            report.add("input " + stack.outputs.get("InputStreamName") + ": " + inputTally.describe("records"));
            long missing = inputTally.missing;
            long unexplained = inputTally.unexplained + inputTally.wrongPlace;
            Map<String, String[]> routesByOutput = stack.routes();
            for (String output : SoakStack.OUTPUTS) {
                String stream = routesByOutput.get(output)[0];
                String function = routesByOutput.get(output)[1];
                Map<Integer, List<Long>> copies = readings.streamCopies(stream);
                SoakTally rows = SoakTally.of(copies, expected.get(output), input, null, List.of(
                        // The restarted cloud resumes the application before it prints its ready line.
                        new SoakTally.Cause("re-emitted by the application after kill -9 (checkpoint behind the"
                                + " outputs)", events.killAt(), events.killAt(), Long.MAX_VALUE),
                        new SoakTally.Cause("re-emitted after the stop/start from LAST_STOPPED_POINT",
                                events.appStopAt(), events.appStopAt(), events.killAt())));
                SoakReadings.ConsumerLines lines = consumed.get(output);
                SoakTally logged = SoakTally.of(lines.lines(), expected.get(output), copies, null, List.of(
                        new SoakTally.Cause("delivered again by the mapping after kill -9 (batch done, checkpoint"
                                + " not yet written)", events.killAt(), events.killAt(), Long.MAX_VALUE)));
                report.add(String.format("routing %s (SQL engine): %d IDs", output, expected.get(output).size()));
                report.add("output " + output + " -> " + stream + ": " + rows.describe("rows"));
                report.add("consumer " + function + ": " + logged.describe("log lines") + "; invocations failed by the switch "
                        + lines.injectedFailures());
                missing += rows.missing + logged.missing;
                unexplained += rows.unexplained + rows.wrongPlace + logged.unexplained + logged.wrongPlace
                        + logged.undeliveredCopies;
            }
            long unrouted = acked.size() - expected.values().stream().mapToLong(Set::size).sum();
            report.add("routed to no output (error_stream or filtered out): " + unrouted);
            memory.forEach((when, m) -> report.add("cloud memory, " + when + ": " + m));
            boolean pass = missing == 0 && unexplained == 0;
            report.add("missing: " + missing + "; unexplained duplicates or misplaced records: " + unexplained + " -> "
                    + (pass ? "PASS" : "FAIL"));
            report.forEach(System.out::println);
            Files.write(o.workDir().resolve("report.txt"), report);
            return pass;
        }
    }

    /** Waits until every consumer logged every ID of its output, or nothing moved for three minutes. */
    private static Map<String, SoakReadings.ConsumerLines> drain(SoakStack stack, SoakReadings readings,
            Map<String, Set<Integer>> expected) throws InterruptedException {
        long start = System.currentTimeMillis();
        long lastProgress = start;
        long lastCount = -1;
        while (true) {
            Map<String, SoakReadings.ConsumerLines> consumed = new LinkedHashMap<>();
            long logged = 0;
            boolean complete = true;
            for (String output : SoakStack.OUTPUTS) {
                SoakReadings.ConsumerLines lines = readings.consumerLines(stack.routes().get(output)[1], output + " ID=");
                consumed.put(output, lines);
                logged += lines.lines().size();
                complete &= lines.lines().keySet().containsAll(expected.get(output));
            }
            long now = System.currentTimeMillis();
            if (logged != lastCount) {
                lastCount = logged;
                lastProgress = now;
            }
            log("drain: consumers logged " + logged + " distinct IDs of "
                    + expected.values().stream().mapToInt(Set::size).sum());
            if (complete || now - lastProgress > DRAIN_STALL_MS || now - start > DRAIN_TIMEOUT_MS) {
                return consumed;
            }
            Thread.sleep(10_000);
        }
    }

    private static void prepare(Path workDir) throws IOException {
        if (Files.exists(workDir)) {
            try (Stream<Path> files = Files.walk(workDir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(workDir);
    }

    private static void log(String line) {
        System.out.println("[fault-soak " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }
}
