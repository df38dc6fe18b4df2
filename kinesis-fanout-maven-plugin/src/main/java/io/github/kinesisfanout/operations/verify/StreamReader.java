package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every shard of one stream from TRIM_HORIZON, one GetRecords call per shard per
 * {@link #poll()}, so the caller paces the reads (a shard serves 5 GetRecords calls per second to
 * all its readers, the consumer Lambda included).
 */
final class StreamReader {

    // Decimals read exactly (12.345 as written), not through a double.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final KinesisClient kinesis;
    private final String stream;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Map<String, String> lastSequence = new LinkedHashMap<>();
    private boolean listed;
    private boolean caughtUp;

    /** @param stream the stream name, or its ARN */
    StreamReader(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    /** Reads once from every open shard and returns the records, parsed as rows, that arrived since the last call. */
    List<ArrivedRow> poll() {
        return pollRecords().stream()
                .map(record -> new ArrivedRow(parse(record), record.approximateArrivalTimestamp().toEpochMilli()))
                .toList();
    }

    /** Reads once from every open shard and returns the records that arrived since the last call. */
    List<Record> pollRecords() {
        if (!listed) {
            listShards();
            listed = true;
        }
        List<Record> records = new ArrayList<>();
        boolean allCaughtUp = true;
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            if (shard.getValue() == null) {
                continue; // closed by a reshard and read to its end
            }
            GetRecordsResponse response;
            try {
                response = kinesis.getRecords(b -> b.shardIterator(shard.getValue()));
            } catch (ProvisionedThroughputExceededException e) {
                allCaughtUp = false;
                continue; // the shard's read budget is spent this second: read it next round
            } catch (ExpiredIteratorException e) {
                shard.setValue(iterator(shard.getKey()));
                allCaughtUp = false;
                continue;
            }
            for (Record record : response.records()) {
                records.add(record);
                lastSequence.put(shard.getKey(), record.sequenceNumber());
            }
            Long behind = response.millisBehindLatest();
            allCaughtUp &= response.records().isEmpty() && (behind == null || behind == 0);
            shard.setValue(response.nextShardIterator());
        }
        caughtUp = allCaughtUp;
        return records;
    }

    /** True when the last poll found nothing left to read on any shard. */
    boolean caughtUp() {
        return caughtUp;
    }

    private void listShards() {
        String next = null;
        do {
            ListShardsRequest.Builder request = ListShardsRequest.builder();
            if (next != null) {
                request.nextToken(next);
            } else if (isArn()) {
                request.streamARN(stream);
            } else {
                request.streamName(stream);
            }
            ListShardsResponse response = kinesis.listShards(request.build());
            for (Shard shard : response.shards()) {
                iterators.put(shard.shardId(), iterator(shard.shardId()));
            }
            next = response.nextToken();
        } while (next != null);
    }

    // After an expired iterator, resume just past the last record read, as a KCL checkpoint would.
    private String iterator(String shardId) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().shardId(shardId);
        if (isArn()) {
            request.streamARN(stream);
        } else {
            request.streamName(stream);
        }
        String after = lastSequence.get(shardId);
        if (after == null) {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        } else {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(after);
        }
        return kinesis.getShardIterator(request.build()).shardIterator();
    }

    private boolean isArn() {
        return stream.startsWith("arn:");
    }

    private static JsonNode parse(Record record) {
        byte[] data = record.data().asByteArray();
        try {
            JsonNode node = JSON.readTree(data);
            if (node != null) {
                return node;
            }
        } catch (IOException e) {
            // Not JSON: compared as its text, so it shows up as unexpected with its content.
        }
        return TextNode.valueOf(record.data().asUtf8String());
    }
}
