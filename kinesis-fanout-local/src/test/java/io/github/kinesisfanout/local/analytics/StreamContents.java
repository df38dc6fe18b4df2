package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Reads a whole stream with the SDK client, shard by shard from TRIM_HORIZON, keeping its place. */
final class StreamContents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KinesisClient kinesis;
    private final String stream;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final List<Record> records = new ArrayList<>();

    StreamContents(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    /** Reads what arrived since the last call; answers the number of records read so far. */
    int refresh() {
        for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            iterators.computeIfAbsent(shard.shardId(), id -> kinesis.getShardIterator(r -> r.streamName(stream)
                    .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
        for (Map.Entry<String, String> entry : iterators.entrySet()) {
            while (entry.getValue() != null) {
                GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(entry.getValue()));
                records.addAll(response.records());
                entry.setValue(response.nextShardIterator());
                if (response.records().isEmpty()) {
                    break;
                }
            }
        }
        return records.size();
    }

    List<Record> records() {
        return records;
    }

    List<JsonNode> json() {
        List<JsonNode> rows = new ArrayList<>();
        for (Record record : records) {
            try {
                rows.add(JSON.readTree(record.data().asByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }
}
