package io.github.kinesisfanout.local.edge.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes numbered records to a control stream while hostile traffic runs, remembering every one the
 * edge acknowledged, then reads the stream back: nothing acknowledged may be missing.
 */
final class ControlStream implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BATCHES = 2_000;
    private final RawClient client;
    private final Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile Throwable failure;

    ControlStream(RawClient client) {
        this.client = client;
    }

    @Override
    public void run() {
        try {
            for (int batch = 0; batch < MAX_BATCHES && !stop.get(); batch++) {
                StringBuilder body = new StringBuilder("{\"StreamName\":\"" + WireSamples.CONTROL_STREAM + "\",\"Records\":[");
                for (int i = 0; i < 10; i++) {
                    String data = Base64.getEncoder().encodeToString(("r-" + batch + "-" + i).getBytes(StandardCharsets.UTF_8));
                    body.append(i == 0 ? "" : ",").append("{\"Data\":\"").append(data)
                            .append("\",\"PartitionKey\":\"k").append(i).append("\"}");
                }
                JsonNode answer = call("PutRecords", body.append("]}").toString());
                JsonNode records = answer.get("Records");
                for (int i = 0; i < records.size(); i++) {
                    if (records.get(i).has("SequenceNumber")) {
                        acknowledged.add("r-" + batch + "-" + i);
                    }
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    void stop() {
        stop.set(true);
    }

    Throwable failure() {
        return failure;
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    /** Every record of every shard of the control stream, from TRIM_HORIZON to the current end. */
    Set<String> readAll() throws IOException, InterruptedException {
        Set<String> read = new HashSet<>();
        JsonNode shards = call("ListShards", "{\"StreamName\":\"" + WireSamples.CONTROL_STREAM + "\"}").get("Shards");
        for (JsonNode shard : shards) {
            String iterator = call("GetShardIterator", "{\"StreamName\":\"" + WireSamples.CONTROL_STREAM
                    + "\",\"ShardId\":\"" + shard.get("ShardId").asText() + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}")
                    .get("ShardIterator").asText();
            for (int page = 0; page < 1_000 && iterator != null; page++) {
                JsonNode records = call("GetRecords", "{\"ShardIterator\":\"" + iterator + "\",\"Limit\":10000}");
                for (JsonNode record : records.get("Records")) {
                    read.add(new String(Base64.getDecoder().decode(record.get("Data").asText()), StandardCharsets.UTF_8));
                }
                iterator = records.get("Records").isEmpty() || records.path("MillisBehindLatest").asLong() == 0
                        && records.get("Records").size() < 10000 ? null : records.path("NextShardIterator").asText(null);
            }
        }
        return read;
    }

    JsonNode call(String operation, String body) throws IOException, InterruptedException {
        RawResponse response = client.http(new WireSample(WireKind.JSON, "POST", "/", Map.of("X-Amz-Target",
                "Kinesis_20131202." + operation, "Content-Type", "application/x-amz-json-1.1"),
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) {
            throw new IOException(operation + " answered " + response.status() + ": " + AwsShape.text(response));
        }
        return JSON.readTree(response.body());
    }
}
