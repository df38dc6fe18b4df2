package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;

/**
 * Kinesis Analytics applications survive a restart on a data directory: a RUNNING one runs again
 * from its per-shard checkpoints, so every record put before and after the restart reaches its
 * output, and a READY one keeps its configuration.
 */
class DurableApplicationsIT {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";

    @TempDir
    Path dir;

    @Test
    void aRunningApplicationResumesFromItsCheckpointsAfterARestart() {
        long version;
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisAnalyticsClient analytics = AnalyticsClients.analytics(cloud.endpoint());
                KinesisClient kinesis = AnalyticsClients.kinesis(cloud.endpoint())) {
            kinesis.createStream(r -> r.streamName("Transactions").shardCount(2));
            kinesis.createStream(r -> r.streamName("Out").shardCount(1));
            analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                    .inputs(TransactionApp.input(ARN + "Transactions", 1)).tags(t -> t.key("team").value("data"))
                    .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "POSITIVE_TRANSACTIONS", ARN + "Out")));
            analytics.createApplication(r -> r.applicationName("idle").applicationCode(TransactionApp.SQL)
                    .inputs(TransactionApp.input(ARN + "Transactions", 1)));
            analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
            Await.until(Duration.ofSeconds(30), () -> "RUNNING".equals(status(analytics, "app")), () -> "not RUNNING");
            put(kinesis, 0, 200);
            StreamContents out = new StreamContents(kinesis, "Out");
            Await.until(Duration.ofSeconds(60), () -> out.refresh() >= 200, () -> out.records().size() + " of 200");
            // Still on their way when the cloud stops.
            put(kinesis, 200, 300);
            version = describe(analytics, "app").applicationVersionId();
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisAnalyticsClient analytics = AnalyticsClients.analytics(cloud.endpoint());
                KinesisClient kinesis = AnalyticsClients.kinesis(cloud.endpoint())) {
            ApplicationDetail app = describe(analytics, "app");
            assertEquals("RUNNING", app.applicationStatusAsString());
            assertEquals(version, app.applicationVersionId());
            assertEquals(TransactionApp.SQL, app.applicationCode());
            assertEquals(ARN + "Out", app.outputDescriptions().get(0).kinesisStreamsOutputDescription().resourceARN());
            assertEquals("READY", status(analytics, "idle"));
            assertEquals("data", analytics.listTagsForResource(r -> r.resourceARN(app.applicationARN())).tags().get(0).value());
            put(kinesis, 300, 400);
            StreamContents out = new StreamContents(kinesis, "Out");
            Await.until(Duration.ofSeconds(60), () -> out.refresh() >= 0 && ids(out.json()).size() == 400,
                    () -> ids(out.json()).size() + " distinct of 400");
            List<JsonNode> rows = out.json();
            Set<Integer> ids = ids(rows);
            for (int id = 0; id < 400; id++) {
                assertTrue(ids.contains(id), "record " + id + " reached the output");
            }
            // A clean stop drains the engine and its outputs before the checkpoints are written.
            assertEquals(0, rows.size() - ids.size(), "duplicates after the restart");
        }
    }

    private static Set<Integer> ids(List<JsonNode> rows) {
        Set<Integer> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.get("ID").asInt()));
        return ids;
    }

    private static ApplicationDetail describe(KinesisAnalyticsClient analytics, String name) {
        return analytics.describeApplication(r -> r.applicationName(name)).applicationDetail();
    }

    private static String status(KinesisAnalyticsClient analytics, String name) {
        return describe(analytics, name).applicationStatusAsString();
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
}
