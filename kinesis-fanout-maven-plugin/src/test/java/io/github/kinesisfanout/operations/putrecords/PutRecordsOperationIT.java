package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.SharedLocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** put-records with the real SDK against an in-process local cloud. */
class PutRecordsOperationIT extends SharedLocalCloud {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private PutRecordsResult put(PutRecordsSettings settings) {
        return new PutRecordsOperation(clients, ProgressListener.NONE).run(settings);
    }

    private PutRecordsSettings settings(String stream) {
        return new PutRecordsSettings().stream(stream).createStream(true, 2).manifest(dir.resolve(stream + ".jsonl"))
                .waitTimeout(Duration.ofSeconds(30));
    }

    private static List<JsonNode> manifest(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** Every record of every shard, from TRIM_HORIZON. */
    private static List<String> readAll(String stream) {
        List<String> data = new ArrayList<>();
        try (KinesisClient kinesis = clients.kinesis()) {
            for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
                String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(current).limit(10_000));
                    for (Record record : response.records()) {
                        data.add(record.data().asUtf8String());
                    }
                    iterator = response.records().isEmpty() ? null : response.nextShardIterator();
                }
            }
        }
        return data;
    }

    @Test
    void putsGeneratedRecordsInBatchesAndWritesTheManifest() throws Exception {
        PutRecordsResult result = put(settings("Generated").recordCount(1234).seed(5L));
        assertEquals(1234, result.records());
        assertEquals(0, result.retries());
        List<JsonNode> lines = manifest(result.manifest());
        assertEquals(1234, lines.size());
        long bytes = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertEquals(i + 1, JSON.readTree(line.get("data").asText()).get("ID").asInt());
            assertTrue(line.get("shardId").asText().startsWith("shardId-"));
            assertTrue(line.get("sequenceNumber").asText().matches("\\d+"));
            assertTrue(line.get("putTimestamp").asLong() > 0);
            bytes += line.get("data").asText().length();
        }
        assertEquals(bytes, result.bytes());
        List<String> stored = readAll("Generated");
        assertEquals(1234, stored.size());
        assertEquals(lines.stream().map(l -> l.get("data").asText()).sorted().toList(), stored.stream().sorted().toList());
    }

    @Test
    void sameSeedSendsTheSameRecordsAndKeys() throws Exception {
        List<JsonNode> first = manifest(put(settings("SeedA").recordCount(300).seed(77L)).manifest());
        List<JsonNode> second = manifest(put(settings("SeedB").recordCount(300).seed(77L)).manifest());
        for (int i = 0; i < 300; i++) {
            assertEquals(first.get(i).get("data"), second.get(i).get("data"));
            assertEquals(first.get(i).get("partitionKey"), second.get(i).get("partitionKey"));
        }
    }

    @Test
    void fieldPartitionKeyKeepsAUserOnOneShard() throws Exception {
        List<JsonNode> lines = manifest(put(settings("ByUser").recordCount(400).seed(3L)
                .partitionKey("field:USERNAME")).manifest());
        Map<String, String> shardOfUser = new HashMap<>();
        for (JsonNode line : lines) {
            String user = JSON.readTree(line.get("data").asText()).get("USERNAME").asText();
            assertEquals(user, line.get("partitionKey").asText());
            String shard = shardOfUser.computeIfAbsent(user, u -> line.get("shardId").asText());
            assertEquals(shard, line.get("shardId").asText(), user);
        }
    }

    @Test
    void sendsTheLinesOfARecordsFileByStreamArn() throws Exception {
        put(settings("FromFile").recordCount(0));
        String arn;
        try (KinesisClient kinesis = clients.kinesis()) {
            arn = kinesis.describeStreamSummary(r -> r.streamName("FromFile")).streamDescriptionSummary().streamARN();
        }
        Path file = Files.writeString(dir.resolve("in.jsonl"), "{\"ID\":1,\"USERNAME\":\"x\",\"AMOUNT\":1.00}\n\n"
                + "{\"ID\":2,\"USERNAME\":\"y\",\"AMOUNT\":-2.50}\n");
        PutRecordsResult result = put(new PutRecordsSettings().stream(arn).recordsFile(file).partitionKey("fixed")
                .manifest(dir.resolve("file.jsonl")));
        assertEquals(2, result.records());
        assertEquals(List.of("{\"ID\":1,\"USERNAME\":\"x\",\"AMOUNT\":1.00}", "{\"ID\":2,\"USERNAME\":\"y\",\"AMOUNT\":-2.50}"),
                readAll("FromFile"));
    }

    @Test
    void largeRecordsAreSplitBy5MibRequests() throws Exception {
        // 24 records of 600 KB: 8 per request under the 5 MiB limit, 3 requests.
        String big = "{\"PAD\":\"" + "x".repeat(600_000) + "\"}";
        Path file = Files.writeString(dir.resolve("big.jsonl"), (big + "\n").repeat(24));
        PutRecordsResult result = put(settings("Big").recordsFile(file));
        assertEquals(24, result.records());
        assertEquals(24, readAll("Big").size());
    }

    @Test
    void aMissingStreamNamesTheStreamAndTheEndpoint() {
        FanoutException e = assertThrows(FanoutException.class,
                () -> put(new PutRecordsSettings().stream("Nope").manifest(dir.resolve("nope.jsonl"))));
        assertTrue(e.getMessage().startsWith("Stream 'Nope' not found at " + cloud.endpoint()), e.getMessage());
        assertTrue(e.getMessage().contains("ResourceNotFoundException"), e.getMessage());
    }
}
