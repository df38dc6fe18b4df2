package io.github.kinesisfanout.operations.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.StreamArns;
import io.github.kinesisfanout.operations.stack.ArtifactUploader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSourceDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * create-app with a reference table, real SDK clients against an in-process local cloud: the file uploaded to the
 * upload bucket, the table added, joined with every record of the running application, reloaded when the file
 * changes, left alone when nothing changed, and deleted when the build no longer declares it.
 */
class CreateAppReferenceIT {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final String ROLE = "arn:aws:iam::000000000000:role/fanout";
    /** ArtifactUploader's default bucket: kinesis-fanout-artifacts-ACCOUNT-REGION, the local cloud's account. */
    private static final String BUCKET = "kinesis-fanout-artifacts-000000000000-us-east-1";
    private static final String LOCATION = "s3://" + BUCKET + "/reference-data/fanout/users.csv";

    /** Each transaction with its user's tier and limit; NULL columns for a user the table does not have. */
    private static final String JOIN_SQL = """
            CREATE OR REPLACE STREAM "ENRICHED" (ID INTEGER, USERNAME VARCHAR(200), TIER VARCHAR(10), OVER_LIMIT BOOLEAN);
            CREATE OR REPLACE PUMP "ENRICH" AS INSERT INTO "ENRICHED"
              SELECT STREAM s.ID, s.USERNAME, u.TIER, s.AMOUNT > u.CREDIT_LIMIT
              FROM "SOURCE_SQL_STREAM_001" AS s LEFT JOIN "Users" AS u ON s.USERNAME = u.USERNAME;
            """;

    private static final String PLAIN_SQL = """
            CREATE OR REPLACE STREAM "ENRICHED" (ID INTEGER, USERNAME VARCHAR(200), TIER VARCHAR(10), OVER_LIMIT BOOLEAN);
            CREATE OR REPLACE PUMP "ENRICH" AS INSERT INTO "ENRICHED"
              SELECT STREAM ID, USERNAME, CAST(NULL AS VARCHAR(10)), CAST(NULL AS BOOLEAN) FROM "SOURCE_SQL_STREAM_001";
            """;

    private static final String USERS_SCHEMA = """
            {"RecordFormat": {"RecordFormatType": "CSV",
                              "MappingParameters": {"CSVMappingParameters": {"RecordRowDelimiter": "\\n", "RecordColumnDelimiter": ","}}},
             "RecordEncoding": "UTF-8",
             "RecordColumns": [{"Name": "USERNAME", "SqlType": "VARCHAR(20)"},
                               {"Name": "TIER", "SqlType": "VARCHAR(10)"},
                               {"Name": "CREDIT_LIMIT", "SqlType": "DECIMAL(7,2)"}]}
            """;

    @TempDir
    Path dir;

    private LocalCloud cloud;
    private AwsClientFactory clients;
    private KinesisAnalyticsClient analytics;
    private KinesisClient kinesis;
    private final List<String> progress = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void info(String message) {
            progress.add(message);
        }

        @Override
        public void warn(String message) {
            progress.add(message);
        }

        @Override
        public void debug(String message) {
        }
    };
    private CreateAppOperation create;
    private Path users;
    private Path schemaFile;

    @BeforeEach
    void start() throws IOException {
        cloud = LocalCloud.builder().port(0).build().start();
        clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
        analytics = clients.client(KinesisAnalyticsClient.builder());
        kinesis = clients.kinesis();
        for (String stream : List.of("Transactions", "Enriched")) {
            kinesis.createStream(r -> r.streamName(stream).shardCount(1));
        }
        create = new CreateAppOperation(new AnalyticsApps(analytics, listener, Duration.ofSeconds(30), false),
                new StreamArns(clients), new ReferenceObject(clients, listener));
        users = Files.writeString(dir.resolve("users.csv"), "alice,gold,100.00\nbob,silver,50.00\n");
        schemaFile = Files.writeString(dir.resolve("reference-schema.json"), USERS_SCHEMA);
    }

    @AfterEach
    void stop() {
        analytics.close();
        kinesis.close();
        cloud.close();
    }

    private static SourceSchema inputSchema() {
        return SourceSchema.builder().recordEncoding("UTF-8")
                .recordFormat(f -> f.recordFormatType("JSON").mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath("$"))))
                .recordColumns(SchemaFile.parseInline("ID:INTEGER:$.ID,USERNAME:VARCHAR(200):$.USERNAME,AMOUNT:DECIMAL(5,2):$.AMOUNT"))
                .build();
    }

    /** The reference table as the Mojo resolves it: default key, the upload bucket, the input's role. */
    private ReferenceSource users(String table, String key) {
        return new ReferenceSettings(table, users, null, null, key, schemaFile, null).resolve("fanout").orElseThrow()
                .withDefaults(ROLE, () -> new ArtifactUploader(clients, listener).bucket(null));
    }

    private static CreateAppRequest request(String sql, ReferenceSource reference) {
        return new CreateAppRequest("fanout", null, sql, "application.sql", "SOURCE_SQL_STREAM", 1, inputSchema(),
                ARN + "Transactions", ROLE, List.of(new ApplicationOutput("ENRICHED", "Enriched", "JSON", null)), false,
                reference);
    }

    private ApplicationDetail detail() {
        return analytics.describeApplication(r -> r.applicationName("fanout")).applicationDetail();
    }

    private void put(int id, String user, String amount) {
        String json = "{\"ID\":" + id + ",\"USERNAME\":\"" + user + "\",\"AMOUNT\":" + amount + "}";
        kinesis.putRecord(r -> r.streamName("Transactions").partitionKey("k")
                .data(SdkBytes.fromString(json, StandardCharsets.UTF_8)));
    }

    /** The output stream's rows from its start, {@code ID USERNAME TIER OVER_LIMIT}, once there are {@code count}. */
    private List<String> rows(int count) {
        String shard = kinesis.listShards(r -> r.streamName("Enriched")).shards().get(0).shardId();
        return new Polling(Duration.ofSeconds(30), Duration.ofMillis(100), listener).until("rows of Enriched", () -> {
            List<String> rows = new ArrayList<>();
            String iterator = kinesis.getShardIterator(r -> r.streamName("Enriched").shardId(shard)
                    .shardIteratorType("TRIM_HORIZON")).shardIterator();
            for (int reads = 0; reads < 5 && iterator != null; reads++) {
                String current = iterator;
                var response = kinesis.getRecords(r -> r.shardIterator(current));
                for (var record : response.records()) {
                    rows.add(row(record.data().asUtf8String()));
                }
                if (response.records().isEmpty()) {
                    break;
                }
                iterator = response.nextShardIterator();
            }
            return rows;
        }, rows -> rows.size() >= count);
    }

    private static String row(String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            return node.get("ID").asInt() + " " + node.get("USERNAME").asText() + " "
                    + (node.path("TIER").isNull() ? "NULL" : node.get("TIER").asText()) + " "
                    + (node.path("OVER_LIMIT").isNull() ? "NULL" : node.get("OVER_LIMIT").asText());
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void theTableIsJoinedReloadedWhenTheFileChangesAndLeftAloneWhenNothingChanged() throws IOException {
        String created = create.run(request(JOIN_SQL, users("Users", null)));
        assertEquals("Created application fanout (arn:aws:kinesisanalytics:us-east-1:000000000000:application/fanout)"
                + " with reference table Users (" + LOCATION + "), READY", created);
        assertTrue(progress.contains("Uploaded users.csv to " + LOCATION), progress.toString());
        ReferenceDataSourceDescription table = detail().referenceDataSourceDescriptions().get(0);
        assertEquals("Users", table.tableName());
        assertEquals("arn:aws:s3:::" + BUCKET, table.s3ReferenceDataSourceDescription().bucketARN());
        assertEquals("reference-data/fanout/users.csv", table.s3ReferenceDataSourceDescription().fileKey());
        assertEquals(ROLE, table.s3ReferenceDataSourceDescription().referenceRoleARN());
        assertEquals(2L, detail().applicationVersionId());

        assertEquals("Started application fanout from TRIM_HORIZON: RUNNING",
                new AppLifecycle(new AnalyticsApps(analytics, listener, Duration.ofSeconds(30), false))
                        .start("fanout", "TRIM_HORIZON"));
        put(1, "alice", "120.00");
        put(2, "carol", "10.00");
        put(3, "bob", "20.00");
        // alice: gold, 120 > 100; carol is not in the table; bob: silver, 20 > 50 is false.
        assertEquals(List.of("1 alice gold true", "2 carol NULL NULL", "3 bob silver false"), rows(3));

        Files.writeString(users, "alice,platinum,500.00\ncarol,bronze,5.00\n");
        assertEquals("Updated application fanout to version 3: reference table Users reloaded (new content in "
                + LOCATION + ") (RUNNING)", create.run(request(JOIN_SQL, users("Users", null))));
        put(4, "alice", "120.00");
        put(5, "bob", "20.00");
        put(6, "carol", "10.00");
        // After the reload: alice platinum, 120 > 500 false; bob is gone; carol bronze, 10 > 5.
        assertEquals(List.of("1 alice gold true", "2 carol NULL NULL", "3 bob silver false",
                "4 alice platinum false", "5 bob NULL NULL", "6 carol bronze true"), rows(6));

        progress.clear();
        assertEquals("Application fanout is up to date (version 3, RUNNING)",
                create.run(request(JOIN_SQL, users("Users", null))));
        assertTrue(progress.contains(LOCATION + " already holds users.csv"), progress.toString());
    }

    @Test
    void aChangedKeyOrSchemaUpdatesTheTableAndATableNoLongerDeclaredIsDeleted() throws IOException {
        create.run(request(PLAIN_SQL, null));
        // New code joining a table to come, then the table: two versions.
        assertEquals("Updated application fanout to version 3: code, reference table Users added (READY)",
                create.run(request(JOIN_SQL, users("Users", null))));
        assertEquals("Updated application fanout to version 4: reference table Users updated (key) (READY)",
                create.run(request(JOIN_SQL, users("Users", "tables/users.csv"))));
        assertEquals("tables/users.csv", detail().referenceDataSourceDescriptions().get(0)
                .s3ReferenceDataSourceDescription().fileKey());
        Files.writeString(schemaFile, USERS_SCHEMA.replace("DECIMAL(7,2)", "DECIMAL(9,2)"));
        Files.writeString(users, "alice,gold,1000000.00\n");
        assertEquals("Updated application fanout to version 5: reference table Users updated (schema, content) (READY)",
                create.run(request(JOIN_SQL, users("Users", "tables/users.csv"))));
        assertEquals("DECIMAL(9,2)", detail().referenceDataSourceDescriptions().get(0).referenceSchema()
                .recordColumns().get(2).sqlType());
        // The code stops joining first (UpdateApplication), then the table goes.
        assertEquals("Updated application fanout to version 7: code, reference table Users deleted (READY)",
                create.run(request(PLAIN_SQL, null)));
        assertTrue(detail().referenceDataSourceDescriptions().isEmpty());
    }

    @Test
    void joinCodeIsCheckedAgainstTheTableBeforeAnyCall() {
        var undeclared = assertThrows(FanoutException.class, () -> create.run(request(JOIN_SQL, null)));
        assertTrue(undeclared.getMessage().startsWith("The application SQL application.sql does not compile:\n  line 4,"
                + " column 47: "), undeclared.getMessage());
        assertTrue(undeclared.getMessage().contains("\"Users\" not found"), undeclared.getMessage());
        var wrongColumn = assertThrows(FanoutException.class, () -> create.run(request(
                JOIN_SQL.replace("u.TIER", "u.LEVEL"), users("Users", null))));
        assertTrue(wrongColumn.getMessage().startsWith("The application SQL application.sql does not compile:\n  line 3,"
                + " column 35: "), wrongColumn.getMessage());
        assertTrue(wrongColumn.getMessage().contains("LEVEL"), wrongColumn.getMessage());
        assertTrue(analytics.listApplications(r -> { }).applicationSummaries().isEmpty());
        try (S3Client s3 = clients.s3()) {
            assertTrue(s3.listBuckets().buckets().isEmpty(), "nothing uploaded");
        }
    }

    @Test
    void anObjectNamedByS3UriMustExist() {
        ReferenceSource missing = new ReferenceSettings("Users", null, "s3://shared/users.csv", null, null, schemaFile,
                null).resolve("fanout").orElseThrow().withDefaults(ROLE, () -> "unused");
        var error = assertThrows(FanoutException.class, () -> create.run(request(JOIN_SQL, missing)));
        assertEquals("The reference object s3://shared/users.csv does not exist (HeadObject: 404 Not Found): upload it"
                + " first or fix <referenceS3Uri> (-Dfanout.reference.s3Uri=s3://BUCKET/KEY)", error.getMessage());
        try (S3Client s3 = clients.s3()) {
            s3.createBucket(b -> b.bucket("shared"));
            s3.putObject(b -> b.bucket("shared").key("users.csv"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("alice,gold,1.00\n"));
        }
        assertEquals("Created application fanout (arn:aws:kinesisanalytics:us-east-1:000000000000:application/fanout)"
                + " with reference table Users (s3://shared/users.csv), READY", create.run(request(JOIN_SQL, missing)));
        assertEquals("Application fanout is up to date (version 2, READY)", create.run(request(JOIN_SQL, missing)));
    }
}
