package io.github.kinesisfanout.local.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.storage.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a data directory, messages past the memory budget leave memory for the spill log and are read
 * back from it: GetLogEvents and FilterLogEvents answer exactly what an in-memory service answers,
 * after a compaction and after a restart too.
 */
class MessageSpillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestContext CTX = new RequestContext("r", "000000000000", "us-east-1");
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    /** A clock that only moves when told: both services of a comparison see the same times. */
    private static final class SteppedClock extends Clock {

        private long millis = T0;

        synchronized void advance(Duration duration) {
            millis += duration.toMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public synchronized long millis() {
            return millis;
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private LogsService durable(long budget) {
        DataDirectory data = DataDirectory.open(dir);
        open.add(data);
        LogsService service = new LogsService(ServiceContext.inMemory(clock).withDataDirectory(data), budget);
        open.add(service);
        return service;
    }

    private void stop(LogsService service) throws Exception {
        service.close();
        open.remove(service);
        AutoCloseable data = open.remove(open.size() - 1);
        data.close();
    }

    private static ObjectNode input(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** 300 events in 3 streams: "event N of S" and padding, every fifth one carrying "ERROR", some out of order. */
    private static void write(LogsService service) {
        service.invoke("CreateLogGroup", input("{\"logGroupName\":\"/app\"}"), CTX);
        for (String stream : List.of("a", "b", "c")) {
            service.invoke("CreateLogStream", input("{\"logGroupName\":\"/app\",\"logStreamName\":\"" + stream + "\"}"),
                    CTX);
            for (int batch = 0; batch < 10; batch++) {
                ObjectNode put = input("{\"logGroupName\":\"/app\",\"logStreamName\":\"" + stream + "\"}");
                var events = put.putArray("logEvents");
                for (int i = 0; i < 10; i++) {
                    int n = batch * 10 + i;
                    // Batch 5 of each stream is stamped before batch 4: kept sorted by timestamp.
                    long timestamp = T0 + (batch == 5 ? 35 : batch * 10) + i;
                    events.addObject().put("timestamp", timestamp).put("message", "event " + n + " of " + stream
                            + (n % 5 == 0 ? " ERROR" : "") + " " + "x".repeat(100));
                }
                service.invoke("PutLogEvents", put, CTX);
            }
        }
    }

    private static List<JsonNode> answers(LogsService service) {
        List<JsonNode> out = new ArrayList<>();
        out.add(service.invoke("GetLogEvents", input("{\"logGroupName\":\"/app\",\"logStreamName\":\"a\","
                + "\"startFromHead\":true}"), CTX));
        out.add(service.invoke("GetLogEvents", input("{\"logGroupName\":\"/app\",\"logStreamName\":\"b\",\"limit\":7}"),
                CTX));
        JsonNode page = service.invoke("GetLogEvents", input("{\"logGroupName\":\"/app\",\"logStreamName\":\"c\","
                + "\"startFromHead\":true,\"limit\":30}"), CTX);
        out.add(page);
        out.add(service.invoke("GetLogEvents", input("{\"logGroupName\":\"/app\",\"logStreamName\":\"c\",\"limit\":30,"
                + "\"nextToken\":\"" + page.get("nextForwardToken").asText() + "\"}"), CTX));
        out.add(service.invoke("GetLogEvents", input("{\"logGroupName\":\"/app\",\"logStreamName\":\"a\","
                + "\"startTime\":" + (T0 + 20) + ",\"endTime\":" + (T0 + 60) + "}"), CTX));
        out.add(service.invoke("FilterLogEvents", input("{\"logGroupName\":\"/app\",\"filterPattern\":\"ERROR\"}"), CTX));
        out.add(service.invoke("FilterLogEvents", input("{\"logGroupName\":\"/app\",\"logStreamNames\":[\"b\"],"
                + "\"filterPattern\":\"?ERROR ?\\\"event 3 \\\"\",\"limit\":4}"), CTX));
        out.add(service.invoke("DescribeLogStreams", input("{\"logGroupName\":\"/app\"}"), CTX));
        return out;
    }

    @Test
    void answersAreThoseOfAnInMemoryServiceThroughARestart() throws Exception {
        LogsService memory = new LogsService(ServiceContext.inMemory(clock));
        open.add(memory);
        write(memory);
        List<JsonNode> expected = answers(memory);
        // What the answers hold, worked out from what was written: 100 events in stream a, in time order.
        assertEquals(100, expected.get(0).get("events").size());
        // Batch 3 (times 30-39), 5 (35-44) and 4 (40-49) interleave; equal times keep arrival order:
        // 30..34, then 35, 50, 36, 51, ... 39, 54, then 40, 55, ... 44, 59, then 45..49.
        assertEquals("event 50 of a ERROR " + "x".repeat(100),
                expected.get(0).get("events").get(36).get("message").asText());
        assertEquals("event 52 of a " + "x".repeat(100), expected.get(0).get("events").get(40).get("message").asText());
        assertEquals("event 40 of a ERROR " + "x".repeat(100),
                expected.get(0).get("events").get(45).get("message").asText());
        assertEquals(60, expected.get(5).get("events").size(), "every fifth of 300 events carries ERROR");

        long budget = 20 * (2L * 120 + MessageSpill.EVENT_OVERHEAD_BYTES);
        LogsService durable = durable(budget);
        write(durable);
        assertTrue(durable.cachedMessageBytes() <= budget, durable.cachedMessageBytes() + " bytes cached");
        assertTrue(Files.size(dir.resolve("logs/spill/segment-00000000000000000001.log")) > 250 * 100,
                "most messages are in the spill log");
        assertEquals(expected, answers(durable));
        stop(durable);

        LogsService restarted = durable(0);
        assertEquals(0, restarted.cachedMessageBytes(), "with a budget of 0 every message is read from disk");
        assertEquals(expected, answers(restarted));
    }

    @Test
    void aCompactionReadsSpilledMessagesIntoTheCompactedJournal() throws Exception {
        LogsService memory = new LogsService(ServiceContext.inMemory(clock));
        open.add(memory);
        LogsService durable = durable(0);
        for (LogsService service : List.of(memory, durable)) {
            service.invoke("CreateLogGroup", input("{\"logGroupName\":\"/big\"}"), CTX);
            service.invoke("PutRetentionPolicy", input("{\"logGroupName\":\"/big\",\"retentionInDays\":1}"), CTX);
            service.invoke("CreateLogStream", input("{\"logGroupName\":\"/big\",\"logStreamName\":\"s\"}"), CTX);
            // 3,000 events of 500 characters (1.5 MB of journal): the first 2,000 a day older than the rest.
            for (int batch = 0; batch < 30; batch++) {
                ObjectNode put = input("{\"logGroupName\":\"/big\",\"logStreamName\":\"s\"}");
                var events = put.putArray("logEvents");
                for (int i = 0; i < 100; i++) {
                    long timestamp = batch < 20 ? T0 - 2 * LogGroup.DAY_MILLIS : T0;
                    events.addObject().put("timestamp", timestamp).put("message", (batch * 100 + i) + "y".repeat(500));
                }
                service.invoke("PutLogEvents", put, CTX);
            }
        }
        long journal = Files.size(dir.resolve("logs/segment-00000000000000000001.log"));
        durable.maintain();
        memory.maintain();
        long compacted;
        try (var files = Files.list(dir.resolve("logs"))) {
            compacted = files.filter(f -> f.getFileName().toString().startsWith("segment-")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        assertTrue(compacted < journal / 2, "the expired two thirds were compacted away: " + compacted + " of " + journal);
        String read = "{\"logGroupName\":\"/big\",\"logStreamName\":\"s\",\"startFromHead\":true}";
        JsonNode expected = memory.invoke("GetLogEvents", input(read), CTX);
        assertEquals(1000, expected.get("events").size());
        assertEquals("2000" + "y".repeat(500), expected.get("events").get(0).get("message").asText());
        assertEquals(expected, durable.invoke("GetLogEvents", input(read), CTX));
        stop(durable);
        assertEquals(expected, durable(0).invoke("GetLogEvents", input(read), CTX));
    }

    /** Pages through a stream forward with GetLogEvents, as clients do until the token repeats. */
    private static List<JsonNode> pages(LogsService service, String stream, int limit) {
        List<JsonNode> out = new ArrayList<>();
        String token = null;
        while (true) {
            ObjectNode get = input("{\"logGroupName\":\"/many\",\"logStreamName\":\"" + stream
                    + "\",\"startFromHead\":true,\"limit\":" + limit + "}");
            if (token != null) {
                get.put("nextToken", token);
            }
            JsonNode page = service.invoke("GetLogEvents", get, CTX);
            out.add(page);
            if (page.get("nextForwardToken").asText().equals(token)) {
                return out;
            }
            token = page.get("nextForwardToken").asText();
        }
    }

    @Test
    void manyChunksRetentionInsideAChunkAndLateEventsReadTheSame() throws Exception {
        LogsService memory = new LogsService(ServiceContext.inMemory(clock));
        open.add(memory);
        LogsService durable = durable(0);
        for (LogsService service : List.of(memory, durable)) {
            service.invoke("CreateLogGroup", input("{\"logGroupName\":\"/many\"}"), CTX);
            service.invoke("PutRetentionPolicy", input("{\"logGroupName\":\"/many\",\"retentionInDays\":1}"), CTX);
            service.invoke("CreateLogStream", input("{\"logGroupName\":\"/many\",\"logStreamName\":\"s\"}"), CTX);
            // 2,000 events one minute apart (about four chunks of 512), in batches of 250...
            for (int batch = 0; batch < 8; batch++) {
                ObjectNode put = input("{\"logGroupName\":\"/many\",\"logStreamName\":\"s\"}");
                var events = put.putArray("logEvents");
                for (int i = 0; i < 250; i++) {
                    int n = batch * 250 + i;
                    events.addObject().put("timestamp", T0 + n * 60_000L).put("message", "line " + n);
                }
                service.invoke("PutLogEvents", put, CTX);
            }
            // ...then three late events, stamped between lines 700 and 701 and before line 0.
            ObjectNode late = input("{\"logGroupName\":\"/many\",\"logStreamName\":\"s\"}");
            late.putArray("logEvents").addObject().put("timestamp", T0 + 700 * 60_000L + 1).put("message", "late a");
            late.withArray("logEvents").addObject().put("timestamp", T0 - 1).put("message", "late b");
            late.withArray("logEvents").addObject().put("timestamp", T0 + 700 * 60_000L).put("message", "late c");
            service.invoke("PutLogEvents", late, CTX);
        }
        List<JsonNode> expected = pages(memory, "s", 300);
        List<String> messages = new ArrayList<>();
        expected.forEach(page -> page.get("events").forEach(e -> messages.add(e.get("message").asText())));
        assertEquals(2003, messages.size());
        // Sorted by timestamp, equal times in arrival order: "late c" has line 700's time and came later.
        assertEquals(List.of("late b", "line 0"), messages.subList(0, 2));
        assertEquals(List.of("line 699", "line 700", "late c", "late a", "line 701"), messages.subList(700, 705));
        assertEquals(expected, pages(durable, "s", 300));

        // A day after T0 + 300 min, the events before T0 + 300 min have expired: "late b" and lines 0-299.
        clock.advance(Duration.ofMinutes(24 * 60 + 300));
        memory.maintain();
        durable.maintain();
        List<JsonNode> kept = pages(memory, "s", 1000);
        assertEquals("line 300", kept.get(0).get("events").get(0).get("message").asText());
        assertEquals(2003 - 301, kept.stream().mapToInt(page -> page.get("events").size()).sum());
        assertEquals(kept, pages(durable, "s", 1000));
        String describe = "{\"logGroupName\":\"/many\"}";
        assertEquals(memory.invoke("DescribeLogStreams", input(describe), CTX),
                durable.invoke("DescribeLogStreams", input(describe), CTX));
        String range = "{\"logGroupName\":\"/many\",\"startTime\":" + (T0 + 650 * 60_000L) + ",\"endTime\":"
                + (T0 + 1100 * 60_000L + 1) + ",\"filterPattern\":\"late\"}";
        JsonNode filtered = memory.invoke("FilterLogEvents", input(range), CTX);
        assertEquals(2, filtered.get("events").size());
        assertEquals(filtered, durable.invoke("FilterLogEvents", input(range), CTX));
        stop(durable);
        assertEquals(kept, pages(durable(0), "s", 1000));
    }

    /** 18 PutLogEvents of 50 events of 1,000 characters to /app, stream s. */
    private static void write900(LogsService service) {
        service.invoke("CreateLogGroup", input("{\"logGroupName\":\"/app\"}"), CTX);
        service.invoke("CreateLogStream", input("{\"logGroupName\":\"/app\",\"logStreamName\":\"s\"}"), CTX);
        for (int batch = 0; batch < 18; batch++) {
            ObjectNode put = input("{\"logGroupName\":\"/app\",\"logStreamName\":\"s\"}");
            var events = put.putArray("logEvents");
            for (int i = 0; i < 50; i++) {
                int n = batch * 50 + i;
                events.addObject().put("timestamp", T0 + n).put("message", String.format("%04d", n) + "m".repeat(996));
            }
            service.invoke("PutLogEvents", put, CTX);
        }
    }

    @Test
    void theBuildersMemoryBudgetBoundsTheEventsInMemory() throws Exception {
        LogsService memory = new LogsService(ServiceContext.inMemory(clock));
        open.add(memory);
        write900(memory);
        String read = "{\"logGroupName\":\"/app\",\"logStreamName\":\"s\",\"startFromHead\":true}";
        JsonNode expected = memory.invoke("GetLogEvents", input(read), CTX);
        assertEquals(900, expected.get("events").size());
        assertEquals("0899" + "m".repeat(996), expected.get("events").get(899).get("message").asText());
        try (var cloud = io.github.kinesisfanout.local.LocalCloud.builder().clock(clock)
                .dataDirectory(dir.resolve("small")).memoryBudget(1024 * 1024).build().start()) {
            LogsService logs = cloud.services().service(LogsService.class);
            write900(logs);
            // Logs get a third of 1 MiB: 349,526 bytes. An event counts 2 x 1,000 + 72 = 2,072 bytes, an append
            // of 50 events 103,600. A chunk takes four appends (414,400 > 349,526) and is spilled whole, so of
            // 18 appends the last two (the fifth chunk's first 100 events) are in memory.
            assertEquals(100 * 2072, logs.cachedMessageBytes());
            assertTrue(logs.spilledBytesOnDisk() > 800 * 1000, logs.spilledBytesOnDisk() + " bytes spilled");
            assertEquals(expected, logs.invoke("GetLogEvents", input(read), CTX));
        }
        try (var cloud = io.github.kinesisfanout.local.LocalCloud.builder().clock(clock)
                .dataDirectory(dir.resolve("default")).build().start()) {
            LogsService logs = cloud.services().service(LogsService.class);
            write900(logs);
            // 1,864,800 bytes fit the default 32 MiB.
            assertEquals(900 * 2072, logs.cachedMessageBytes());
            assertEquals(0, logs.spilledBytesOnDisk());
        }
    }

    /** 40 PutLogEvents of 100 events to each of /gone (600-byte messages) and /kept (400-byte), alternately. */
    private static void writeTwoGroups(LogsService service) {
        for (String group : List.of("/gone", "/kept")) {
            service.invoke("CreateLogGroup", input("{\"logGroupName\":\"" + group + "\"}"), CTX);
            service.invoke("CreateLogStream", input("{\"logGroupName\":\"" + group + "\",\"logStreamName\":\"s\"}"),
                    CTX);
        }
        for (int batch = 0; batch < 40; batch++) {
            for (String group : List.of("/gone", "/kept")) {
                ObjectNode put = input("{\"logGroupName\":\"" + group + "\",\"logStreamName\":\"s\"}");
                var events = put.putArray("logEvents");
                for (int i = 0; i < 100; i++) {
                    int n = batch * 100 + i;
                    String pad = group.equals("/gone") ? "g".repeat(595) : "k".repeat(395);
                    events.addObject().put("timestamp", T0 + n).put("message", String.format("%05d", n) + pad);
                }
                service.invoke("PutLogEvents", put, CTX);
            }
        }
    }

    private static List<JsonNode> keptAnswers(LogsService service) {
        List<JsonNode> out = new ArrayList<>();
        out.add(service.invoke("GetLogEvents", input("{\"logGroupName\":\"/kept\",\"logStreamName\":\"s\","
                + "\"startFromHead\":true,\"limit\":1500}"), CTX));
        out.add(service.invoke("GetLogEvents", input("{\"logGroupName\":\"/kept\",\"logStreamName\":\"s\","
                + "\"startTime\":" + (T0 + 3950) + "}"), CTX));
        out.add(service.invoke("FilterLogEvents", input("{\"logGroupName\":\"/kept\",\"filterPattern\":\"\\\"01234\\\"\"}"),
                CTX));
        out.add(service.invoke("DescribeLogGroups", input("{}"), CTX));
        out.add(service.invoke("DescribeLogStreams", input("{\"logGroupName\":\"/kept\"}"), CTX));
        return out;
    }

    @Test
    void deletingAGroupShrinksTheSpillWhileRunning() throws Exception {
        LogsService memory = new LogsService(ServiceContext.inMemory(clock));
        open.add(memory);
        LogsService durable = durable(0);
        for (LogsService service : List.of(memory, durable)) {
            writeTwoGroups(service);
        }
        // With a budget of 0 every append is spilled at once, one frame per chunk of 100 events: a frame is
        // 8 bytes of header, a 4-byte count and per event 8 + 8 + 4 bytes and the message.
        long goneFrame = 8 + 4 + 100 * (20 + 600);
        long keptFrame = 8 + 4 + 100 * (20 + 400);
        assertEquals(40 * (goneFrame + keptFrame), durable.spilledBytesOnDisk());
        assertEquals(keptAnswers(memory), keptAnswers(durable));

        for (LogsService service : List.of(memory, durable)) {
            service.invoke("DeleteLogGroup", input("{\"logGroupName\":\"/gone\"}"), CTX);
        }
        // The one spill segment holds live frames of /kept still: it goes at the next maintenance, which
        // moves them to a new segment (more than half of it, and over 1 MiB, is dead).
        assertEquals(40 * (goneFrame + keptFrame), durable.spilledBytesOnDisk());
        durable.maintain();
        memory.maintain();
        assertEquals(40 * keptFrame, durable.spilledBytesOnDisk());
        List<JsonNode> expected = keptAnswers(memory);
        assertEquals(1500, expected.get(0).get("events").size(), "a page of 1,500 of the 4,000 events");
        assertEquals("01499" + "k".repeat(395), expected.get(0).get("events").get(1499).get("message").asText());
        assertEquals(50, expected.get(1).get("events").size(), "events 3950 to 3999");
        assertEquals(1, expected.get(2).get("events").size());
        assertEquals(1, expected.get(3).get("logGroups").size());
        assertEquals(expected, keptAnswers(durable));
        String gone = "{\"logGroupName\":\"/gone\",\"logStreamName\":\"s\",\"startFromHead\":true}";
        for (LogsService service : List.of(memory, durable)) {
            assertEquals("ResourceNotFoundException", org.junit.jupiter.api.Assertions.assertThrows(
                    io.github.kinesisfanout.local.edge.AwsServiceException.class,
                    () -> service.invoke("GetLogEvents", input(gone), CTX)).errorCode());
        }

        // A group whose frames fill segments alone: they go when it is deleted, with no maintenance.
        durable.invoke("DeleteLogGroup", input("{\"logGroupName\":\"/kept\"}"), CTX);
        assertEquals(0, durable.spilledBytesOnDisk());
        memory.invoke("DeleteLogGroup", input("{\"logGroupName\":\"/kept\"}"), CTX);
        for (LogsService service : List.of(memory, durable)) {
            writeTwoGroups(service);
        }
        assertEquals(40 * (goneFrame + keptFrame), durable.spilledBytesOnDisk());
        assertEquals(keptAnswers(memory), keptAnswers(durable));
        stop(durable);
        assertEquals(keptAnswers(memory), keptAnswers(durable(0)), "after a restart");
    }
}
