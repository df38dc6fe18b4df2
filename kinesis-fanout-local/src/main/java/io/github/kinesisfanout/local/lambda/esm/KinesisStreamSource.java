package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a stream through the Kinesis service's operations (ListShards, GetShardIterator,
 * GetRecords), in the account and region named by the stream ARN.
 */
public class KinesisStreamSource implements StreamSource {

    private final AwsService kinesis;

    public KinesisStreamSource(AwsService kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public List<String> shardIds(String streamArn) {
        List<String> ids = new ArrayList<>();
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("StreamName", streamName(streamArn));
        while (true) {
            JsonNode output = kinesis.invoke("ListShards", input, context(streamArn));
            output.path("Shards").forEach(shard -> ids.add(shard.path("ShardId").asText()));
            String next = output.path("NextToken").asText(null);
            if (next == null || next.isEmpty()) {
                return ids;
            }
            input = JsonNodeFactory.instance.objectNode().put("NextToken", next);
        }
    }

    @Override
    public String shardIterator(String streamArn, String shardId, String type, String sequenceNumber, Instant timestamp) {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("StreamName", streamName(streamArn))
                .put("ShardId", shardId).put("ShardIteratorType", type);
        if (sequenceNumber != null) {
            input.put("StartingSequenceNumber", sequenceNumber);
        }
        if (timestamp != null) {
            input.put("Timestamp", new BigDecimal(timestamp.toEpochMilli()).movePointLeft(3));
        }
        return kinesis.invoke("GetShardIterator", input, context(streamArn)).path("ShardIterator").asText();
    }

    @Override
    public Batch getRecords(String streamArn, String iterator, int limit) {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("ShardIterator", iterator).put("Limit", limit);
        JsonNode output = kinesis.invoke("GetRecords", input, context(streamArn));
        List<StreamRecord> records = new ArrayList<>();
        for (JsonNode record : output.path("Records")) {
            records.add(new StreamRecord(record.path("SequenceNumber").asText(), record.path("PartitionKey").asText(),
                    bytes(record.get("Data")), instant(record.get("ApproximateArrivalTimestamp")),
                    record.hasNonNull("EncryptionType") && !"NONE".equals(record.get("EncryptionType").asText())
                            ? record.get("EncryptionType").asText() : null));
        }
        JsonNode next = output.get("NextShardIterator");
        return new Batch(records, next == null || next.isNull() ? null : next.asText(),
                output.path("MillisBehindLatest").asLong(0));
    }

    /** The stream name of {@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}. */
    static String streamName(String streamArn) {
        return streamArn.substring(streamArn.indexOf(":stream/") + ":stream/".length());
    }

    static RequestContext context(String streamArn) {
        String[] parts = streamArn.split(":");
        return new RequestContext(UUID.randomUUID().toString(), parts[4], parts[3]);
    }

    private static byte[] bytes(JsonNode data) {
        try {
            return data == null || data.isNull() ? new byte[0] : data.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException("Kinesis record Data is not binary", e);
        }
    }

    /** Epoch seconds with a fraction (JSON/CBOR timestamps), epoch millis, or ISO-8601 text. */
    private static Instant instant(JsonNode value) {
        if (value == null || value.isNull()) {
            return Instant.now();
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            return number.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0
                    ? Instant.ofEpochMilli(number.longValue())
                    : Instant.ofEpochMilli(number.movePointRight(3).longValue());
        }
        return Instant.parse(value.asText());
    }
}
