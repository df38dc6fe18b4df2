package io.github.kinesisfanout.local.bench.soak;

import io.github.kinesisfanout.local.SdkClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What the pipeline delivered, read back with the SDK: every copy of every ID in a Kinesis stream
 * (with its arrival time), and every consumer log line of an ID in the function's CloudWatch Logs
 * group, matched by the consumer's marker ({@code POSITIVE_TRANSACTIONS ID=}) as verify-fanout's
 * consumer log count does.
 */
final class SoakReadings {

    private final URI endpoint;

    SoakReadings(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The arrival times (epoch ms) of each ID's copies in the stream, oldest first per shard. */
    Map<Integer, List<Long>> streamCopies(String stream) {
        Map<Integer, List<Long>> copies = new HashMap<>();
        try (KinesisClient kinesis = SdkClients.client(KinesisClient.builder(), endpoint)) {
            for (Shard shard : kinesis.listShards(l -> l.streamName(stream)).shards()) {
                String iterator = kinesis.getShardIterator(g -> g.streamName(stream).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    GetRecordsResponse response = kinesis.getRecords(g -> g.shardIterator(current).limit(10_000));
                    for (Record record : response.records()) {
                        copies.computeIfAbsent(SoakRouting.idOf(record.data().asByteArray()), k -> new ArrayList<>(1))
                                .add(record.approximateArrivalTimestamp().toEpochMilli());
                    }
                    boolean caughtUp = response.records().isEmpty() && response.millisBehindLatest() == 0;
                    iterator = caughtUp ? null : response.nextShardIterator();
                }
            }
        }
        return copies;
    }

    /** A function's log lines: the timestamps of each ID's lines, and how many invocations were failed on purpose. */
    ConsumerLines consumerLines(String function, String marker) {
        Map<Integer, List<Long>> lines = new HashMap<>();
        long injected = 0;
        try (CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), endpoint)) {
            for (FilteredLogEvent event : logs.filterLogEventsPaginator(f -> f.logGroupName("/aws/lambda/" + function))
                    .events()) {
                String message = event.message();
                int at = message == null ? -1 : message.indexOf(marker);
                if (at >= 0) {
                    int from = at + marker.length();
                    int to = message.indexOf(' ', from);
                    int id = Integer.parseInt(message.substring(from, to < 0 ? message.length() : to).strip());
                    lines.computeIfAbsent(id, k -> new ArrayList<>(1)).add(event.timestamp());
                } else if (message != null && message.contains("(injected: lambdaFailureRate)")) {
                    injected++;
                }
            }
        } catch (ResourceNotFoundException e) {
            // Lambda creates the group on the function's first invocation.
        }
        return new ConsumerLines(lines, injected);
    }

    /** @param lines per ID, the timestamps of its log lines; @param injectedFailures invocations failed by the switch */
    record ConsumerLines(Map<Integer, List<Long>> lines, long injectedFailures) {
    }
}
