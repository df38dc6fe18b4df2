package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/** Input parallelism and configuration changes of a running application, with the real SDK. */
class RunningUpdatesIT extends LocalCloudFixture {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Two in-application input streams, each pumped into one output stream, tagged by source. */
    private static final String PARALLEL_SQL = """
            CREATE OR REPLACE STREAM "ALL_TRANSACTIONS" (ID INTEGER, SOURCE VARCHAR(8));
            CREATE OR REPLACE PUMP "P1" AS INSERT INTO "ALL_TRANSACTIONS"
              SELECT STREAM ID, 'ONE' FROM "SOURCE_SQL_STREAM_001";
            CREATE OR REPLACE PUMP "P2" AS INSERT INTO "ALL_TRANSACTIONS"
              SELECT STREAM ID, 'TWO' FROM "SOURCE_SQL_STREAM_002";
            """;

    @BeforeEach
    void createStreams() {
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(4));
        kinesis.createStream(r -> r.streamName("Out").shardCount(1));
    }

    private void put(int from, int to) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int id = from; id < to; id++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + id).data(SdkBytes.fromString(
                    "{\"ID\":" + id + ",\"USERNAME\":\"u\",\"AMOUNT\":1.00}", StandardCharsets.UTF_8)).build());
        }
        assertEquals(0, kinesis.putRecords(r -> r.streamName("Transactions").records(entries)).failedRecordCount());
    }

    private String status() {
        return analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationStatusAsString();
    }

    private void startNow() {
        analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
        Await.until(TIMEOUT, () -> "RUNNING".equals(status()), this::status);
    }

    @Test
    void shardsAreSpreadOverTheInAppInputStreamsOfTheParallelism() {
        analytics.createApplication(r -> r.applicationName("app").applicationCode(PARALLEL_SQL)
                .inputs(TransactionApp.input(ARN + "Transactions", 2))
                .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "ALL_TRANSACTIONS", ARN + "Out")));
        startNow();
        put(0, 400);
        StreamContents out = new StreamContents(kinesis, "Out");
        Await.until(TIMEOUT, () -> out.refresh() >= 400, () -> out.records().size() + " of 400");
        Set<Integer> ids = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (JsonNode row : out.json()) {
            assertTrue(ids.add(row.get("ID").asInt()), "duplicate " + row);
            sources.add(row.get("SOURCE").asText());
        }
        assertEquals(400, ids.size());
        assertEquals(Set.of("ONE", "TWO"), sources);
    }

    @Test
    void anUpdateOfARunningApplicationRestartsItWhereItStoppedReading() {
        analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                .inputs(TransactionApp.input(ARN + "Transactions", 1))
                .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "POSITIVE_TRANSACTIONS", ARN + "Out")));
        startNow();
        put(0, 300);
        StreamContents out = new StreamContents(kinesis, "Out");
        Await.until(TIMEOUT, () -> out.refresh() >= 300, () -> out.records().size() + " of 300");
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(1L)
                .applicationUpdate(u -> u.outputUpdates(o -> o.outputId("1.1").destinationSchemaUpdate(d -> d.recordFormatType("CSV")))));
        Await.until(TIMEOUT, () -> "RUNNING".equals(status()), this::status);
        put(300, 600);
        Await.until(TIMEOUT, () -> out.refresh() >= 600, () -> out.records().size() + " of 600");
        List<String> csv = new ArrayList<>();
        out.records().subList(300, 600).forEach(record -> csv.add(record.data().asUtf8String()));
        assertTrue(csv.get(0).matches("\\d+,u,1\\.00\\n"), csv.get(0));
        assertEquals(600, out.records().size());
        assertEquals(2L, analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationVersionId());
    }
}
