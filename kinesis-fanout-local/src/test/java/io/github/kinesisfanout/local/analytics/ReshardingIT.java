package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;

/** A running application follows its input through a split and a merge: nothing lost, key order kept. */
class ReshardingIT {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";

    @Test
    void closedShardsAreReadToTheirEndBeforeTheirChildren() {
        try (LocalCloud cloud = LocalCloud.builder().build().start();
                KinesisAnalyticsClient analytics = AnalyticsClients.analytics(cloud.endpoint());
                KinesisClient kinesis = AnalyticsClients.kinesis(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("Transactions").shardCount(1));
            kinesis.createStream(r -> r.streamName("Out").shardCount(1));
            analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                    .inputs(TransactionApp.input(ARN + "Transactions", 1))
                    .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "POSITIVE_TRANSACTIONS", ARN + "Out")));
            analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
            put(kinesis, 0, 300);
            kinesis.updateShardCount(r -> r.streamName("Transactions").targetShardCount(2).scalingType(ScalingType.UNIFORM_SCALING));
            awaitActive(kinesis);
            put(kinesis, 300, 600);
            kinesis.updateShardCount(r -> r.streamName("Transactions").targetShardCount(1).scalingType(ScalingType.UNIFORM_SCALING));
            awaitActive(kinesis);
            put(kinesis, 600, 900);
            StreamContents out = new StreamContents(kinesis, "Out");
            Await.until(Duration.ofSeconds(60), () -> out.refresh() >= 900, () -> out.records().size() + " of 900");
            Set<Integer> ids = new HashSet<>();
            Map<String, Integer> lastPerKey = new HashMap<>();
            for (JsonNode row : out.json()) {
                int id = row.get("ID").asInt();
                assertTrue(ids.add(id), "duplicate " + row);
                Integer previous = lastPerKey.put(row.get("USERNAME").asText(), id);
                assertTrue(previous == null || previous < id, row + " after " + previous);
            }
            assertEquals(900, ids.size());
            assertTrue(kinesis.listShards(r -> r.streamName("Transactions")).shards().size() > 2);
        }
    }

    private static void put(KinesisClient kinesis, int from, int to) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int id = from; id < to; id++) {
            String key = "user" + (id % 13);
            entries.add(PutRecordsRequestEntry.builder().partitionKey(key).data(SdkBytes.fromString(
                    "{\"ID\":" + id + ",\"USERNAME\":\"" + key + "\",\"AMOUNT\":1.50}", StandardCharsets.UTF_8)).build());
        }
        assertEquals(0, kinesis.putRecords(r -> r.streamName("Transactions").records(entries)).failedRecordCount());
    }

    private static void awaitActive(KinesisClient kinesis) {
        Await.until(Duration.ofSeconds(30), () -> "ACTIVE".equals(kinesis.describeStreamSummary(r -> r
                .streamName("Transactions")).streamDescriptionSummary().streamStatusAsString()), () -> "stream not ACTIVE");
    }
}
