package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import io.github.kinesisfanout.local.kinesis.access.InMemoryStreamAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A runner with a preprocessing function: positions move only past records whose outcome is settled. */
class PreprocessingCheckpointsTest {

    private static final String IN = "arn:aws:kinesis:us-east-1:000000000000:stream/in";
    private static final String OUT = "arn:aws:kinesis:us-east-1:000000000000:stream/out";
    private static final String ROLE = "arn:aws:iam::000000000000:role/app";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:pre";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryStreamAccess streams = new InMemoryStreamAccess();
    private final Map<String, ShardPosition> checkpoints = new ConcurrentHashMap<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private final AtomicInteger invocations = new AtomicInteger();

    /** Fails while not working; then upper-cases every record and drops {@code r3}. */
    private byte[] function(String arn, byte[] payload) {
        invocations.incrementAndGet();
        if (!working.get()) {
            throw new AwsServiceException("ServiceException", "Function " + arn + " failed (Unhandled): not yet");
        }
        try {
            JsonNode event = JSON.readTree(payload);
            ObjectNode response = JSON.createObjectNode();
            for (JsonNode record : event.get("records")) {
                String data = new String(Base64.getDecoder().decode(record.get("data").asText()), StandardCharsets.UTF_8);
                ObjectNode answer = response.withArray("records").addObject().put("recordId", record.get("recordId").asText());
                if (data.equals("r3")) {
                    answer.put("result", "Dropped");
                } else {
                    answer.put("result", "Ok").put("data", data.toUpperCase().getBytes(StandardCharsets.UTF_8));
                }
            }
            return JSON.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApplicationRunner start(String position) {
        ObjectNode processing = JsonNodeFactory.instance.objectNode();
        processing.putObject("InputLambdaProcessor").put("ResourceARN", FUNCTION).put("RoleARN", ROLE);
        ApplicationInput input = new ApplicationInput("1.1", "SOURCE_SQL_STREAM", IN, ROLE, 1,
                JsonNodeFactory.instance.objectNode(), processing, position);
        List<ApplicationOutput> outputs = List.of(new ApplicationOutput("1.1", "OUT", ApplicationOutput.KINESIS, OUT,
                ROLE, "JSON"));
        return ApplicationRunner.start(new RunnerSpec("app", "arn:app", new CopyApplication(), input, outputs,
                streams, this::function, checkpoints, 10_000, Map.of(), java.time.Clock.systemUTC()), position);
    }

    private void put(int from, int to) {
        for (int i = from; i < to; i++) {
            streams.put(IN, InMemoryStreamAccess.shardId(0), "k", ("r" + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<String> output() {
        List<String> data = new ArrayList<>();
        for (KinesisRecord record : streams.all(OUT)) {
            try {
                data.add(JSON.readTree(record.data()).get("DATA").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    @Test
    void aStopWhileTheFunctionFailsKeepsTheBatchForTheNextStartAndDroppedRecordsAreSettled() {
        streams.createStream(IN, 1);
        streams.createStream(OUT, 1);
        put(0, 6);
        ApplicationRunner runner = start("TRIM_HORIZON");
        // Stopped between attempts (the first back-off is 200 ms, the bound is 4 attempts): nothing is settled.
        Await.until(Duration.ofSeconds(10), () -> invocations.get() >= 1, () -> "no invocation");
        runner.stop();
        assertEquals(List.of(), output());

        working.set(true);
        runner = start("LAST_STOPPED_POINT");
        // r0..r5 again, r3 dropped by the function.
        Await.until(Duration.ofSeconds(10), () -> streams.all(OUT).size() >= 5, () -> output().toString());
        runner.stop();
        put(6, 8);
        runner = start("LAST_STOPPED_POINT");
        Await.until(Duration.ofSeconds(10), () -> streams.all(OUT).size() >= 7, () -> output().toString());
        runner.stop();
        assertEquals(List.of("R0", "R1", "R2", "R4", "R5", "R6", "R7"), output());
    }
}
