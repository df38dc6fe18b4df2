package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.access.InMemoryStreamAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The runner against an in-memory stream and a copying application: reading, checkpoints, resharding, retries. */
class ApplicationRunnerTest {

    private static final String IN = "arn:aws:kinesis:us-east-1:000000000000:stream/in";
    private static final String OUT = "arn:aws:kinesis:us-east-1:000000000000:stream/out";
    private static final String ERRORS = "arn:aws:kinesis:us-east-1:000000000000:stream/errors";
    private static final String ROLE = "arn:aws:iam::000000000000:role/app";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryStreamAccess streams = new InMemoryStreamAccess();
    private final Map<String, ShardPosition> checkpoints = new ConcurrentHashMap<>();

    private ApplicationRunner start(int parallelism, String position) {
        ApplicationInput input = new ApplicationInput("1.1", "SOURCE_SQL_STREAM", IN, ROLE, parallelism,
                JsonNodeFactory.instance.objectNode(), null, position);
        List<ApplicationOutput> outputs = List.of(
                new ApplicationOutput("1.1", "OUT", ApplicationOutput.KINESIS, OUT, ROLE, "JSON"),
                new ApplicationOutput("2.1", "error_stream", ApplicationOutput.KINESIS, ERRORS, ROLE, "CSV"));
        return ApplicationRunner.start(new RunnerSpec("app", "arn:app", new CopyApplication(), input, outputs,
                streams, null, checkpoints, 10_000, Map.of(), java.time.Clock.systemUTC()), position);
    }

    private void putNumbered(int from, int to, int shards) {
        for (int i = from; i < to; i++) {
            streams.put(IN, InMemoryStreamAccess.shardId(i % shards), "k" + (i % shards), ("r" + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<JsonNode> output() {
        List<JsonNode> rows = new ArrayList<>();
        for (KinesisRecord record : streams.all(OUT)) {
            try {
                rows.add(JSON.readTree(record.data()));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        return rows;
    }

    private void awaitOutput(int count) {
        Await.until(Duration.ofSeconds(10), () -> streams.all(OUT).size() >= count,
                () -> streams.all(OUT).size() + " of " + count + " records in the output");
    }

    /** The input stream with the given shards, and one-shard output and error streams. */
    private void createStreams(int inputShards) {
        streams.createStream(IN, inputShards);
        streams.createStream(OUT, 1);
        streams.createStream(ERRORS, 1);
    }

    private static Set<String> data(List<JsonNode> rows) {
        Set<String> data = new HashSet<>();
        rows.forEach(row -> assertTrue(data.add(row.get("DATA").asText()), "duplicate " + row));
        return data;
    }

    @Test
    void everyRecordOfEveryShardReachesTheOutputOnceAndShardsSpreadOverTheInputStreams() {
        createStreams(3);
        putNumbered(0, 300, 3);
        ApplicationRunner runner = start(2, "TRIM_HORIZON");
        awaitOutput(300);
        runner.stop();
        List<JsonNode> rows = output();
        assertEquals(300, data(rows).size());
        Set<String> inAppStreams = new HashSet<>();
        rows.forEach(row -> inAppStreams.add(row.get("STREAM").asText()));
        assertEquals(Set.of("SOURCE_SQL_STREAM_001", "SOURCE_SQL_STREAM_002"), inAppStreams);
    }

    @Test
    void aStopAndAStartFromTheLastStoppedPointNeitherLoseNorRepeat() {
        createStreams(2);
        putNumbered(0, 100, 2);
        ApplicationRunner runner = start(1, "TRIM_HORIZON");
        awaitOutput(100);
        putNumbered(100, 150, 2);
        runner.stop();
        putNumbered(150, 250, 2);
        runner = start(1, "LAST_STOPPED_POINT");
        awaitOutput(250);
        putNumbered(250, 260, 2);
        awaitOutput(260);
        runner.stop();
        assertEquals(260, data(output()).size());
    }

    @Test
    void nowSkipsWhatWasThereAndLastStoppedPointOfANewApplicationBehavesLikeNow() {
        createStreams(1);
        putNumbered(0, 10, 1);
        ApplicationRunner runner = start(1, "LAST_STOPPED_POINT");
        putNumbered(10, 20, 1);
        awaitOutput(10);
        runner.stop();
        Set<String> data = data(output());
        assertEquals(10, data.size());
        assertTrue(data.contains("r10") && !data.contains("r9"), data.toString());
    }

    @Test
    void closedShardsAreReadToTheEndBeforeTheirChildrenInKeyOrder() {
        createStreams(1);
        putNumbered(0, 50, 1);
        String child = streams.reshard(IN, InMemoryStreamAccess.shardId(0));
        for (int i = 50; i < 100; i++) {
            streams.put(IN, child, "k0", ("r" + i).getBytes(StandardCharsets.UTF_8));
        }
        ApplicationRunner runner = start(1, "TRIM_HORIZON");
        awaitOutput(100);
        runner.stop();
        List<JsonNode> rows = output();
        for (int i = 0; i < 100; i++) {
            assertEquals("r" + i, rows.get(i).get("DATA").asText());
        }
    }

    @Test
    void rejectedEntriesAreRetriedAndErrorRowsGoToTheErrorStreamOutput() {
        createStreams(1);
        streams.failNextPuts = 7;
        putNumbered(0, 40, 1);
        streams.put(IN, InMemoryStreamAccess.shardId(0), "k", "bad".getBytes(StandardCharsets.UTF_8));
        ApplicationRunner runner = start(1, "TRIM_HORIZON");
        awaitOutput(40);
        Await.until(Duration.ofSeconds(10), () -> streams.all(ERRORS).size() == 1, () -> "no error row");
        runner.stop();
        assertEquals(40, data(output()).size());
        assertEquals("Parse_Error,bad\n", new String(streams.all(ERRORS).get(0).data(), StandardCharsets.UTF_8));
    }

    @Test
    void aStopEndsEvenWhenAnOutputCannotBeWritten() {
        streams.createStream(IN, 1);
        streams.createStream(ERRORS, 1);
        putNumbered(0, 30_000, 1);
        ApplicationInput input = new ApplicationInput("1.1", "SOURCE_SQL_STREAM", IN, ROLE, 1,
                JsonNodeFactory.instance.objectNode(), null, null);
        ApplicationOutput missing = new ApplicationOutput("1.1", "OUT", ApplicationOutput.KINESIS,
                "arn:aws:kinesis:us-east-1:000000000000:stream/missing", ROLE, "JSON");
        ApplicationRunner runner = ApplicationRunner.start(new RunnerSpec("app", "arn:app", new CopyApplication(), input,
                List.of(missing), streams, null, checkpoints, 200, Map.of(), java.time.Clock.systemUTC()), "TRIM_HORIZON");
        runner.stop();
        assertTrue(checkpoints.containsKey(InMemoryStreamAccess.shardId(0)), checkpoints.toString());
    }
}
