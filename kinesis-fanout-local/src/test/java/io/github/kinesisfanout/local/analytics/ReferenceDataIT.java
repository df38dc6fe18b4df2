package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesisanalytics.model.CodeValidationException;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidApplicationConfigurationException;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSource;
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSourceDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reference data (reference §4.6) with the real SDK: a table loaded from the local S3 when the application starts,
 * joined with every record, reloaded by UpdateApplication, and declared by CloudFormation.
 */
class ReferenceDataIT extends LocalCloudFixture {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Each transaction with its user's tier from the "Users" table; NULL for a user the table does not have. */
    private static final String JOIN_SQL = """
            CREATE OR REPLACE STREAM "ENRICHED" (ID INTEGER, USERNAME VARCHAR(200), TIER VARCHAR(10));
            CREATE OR REPLACE PUMP "ENRICH" AS INSERT INTO "ENRICHED"
              SELECT STREAM "SOURCE_SQL_STREAM_001".ID, "SOURCE_SQL_STREAM_001".USERNAME, "u"."TIER"
              FROM "SOURCE_SQL_STREAM_001" LEFT JOIN "Users" AS "u"
              ON "SOURCE_SQL_STREAM_001".USERNAME = "u"."USERNAME";
            """;

    private S3Client s3;

    @BeforeEach
    void createStreamsAndBucket() {
        kinesis.createStream(r -> r.streamName("Transactions").shardCount(1));
        kinesis.createStream(r -> r.streamName("Out").shardCount(1));
        s3 = S3Client.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        s3.createBucket(b -> b.bucket("reference"));
        putObject("users.csv", "alice,gold\nbob,silver\n");
    }

    @AfterEach
    void closeS3() {
        s3.close();
    }

    private void putObject(String key, String text) {
        s3.putObject(b -> b.bucket("reference").key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private static SourceSchema usersSchema() {
        return SourceSchema.builder()
                .recordFormat(f -> f.recordFormatType("CSV").mappingParameters(m -> m.csvMappingParameters(c -> c
                        .recordRowDelimiter("\n").recordColumnDelimiter(","))))
                .recordEncoding("UTF-8")
                .recordColumns(RecordColumn.builder().name("USERNAME").sqlType("VARCHAR(20)").build(),
                        RecordColumn.builder().name("TIER").sqlType("VARCHAR(10)").build())
                .build();
    }

    private static ReferenceDataSource users(String key) {
        return ReferenceDataSource.builder().tableName("Users")
                .s3ReferenceDataSource(s -> s.bucketARN("arn:aws:s3:::reference").fileKey(key)
                        .referenceRoleARN(AnalyticsControlPlaneIT.ROLE))
                .referenceSchema(usersSchema()).build();
    }

    private void createApplication(String code) {
        analytics.createApplication(r -> r.applicationName("app").applicationCode(code)
                .inputs(TransactionApp.input(ARN + "Transactions", 1))
                .outputs(o -> AnalyticsControlPlaneIT.kinesisOutput(o, "ENRICHED", ARN + "Out")));
    }

    private long version() {
        return analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationVersionId();
    }

    private String status() {
        return analytics.describeApplication(r -> r.applicationName("app")).applicationDetail().applicationStatusAsString();
    }

    private void start() {
        analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("TRIM_HORIZON"))));
        Await.until(TIMEOUT, () -> "RUNNING".equals(status()), this::status);
    }

    private void put(int id, String user) {
        List<PutRecordsRequestEntry> entries = List.of(PutRecordsRequestEntry.builder().partitionKey("k" + id)
                .data(SdkBytes.fromString("{\"ID\":" + id + ",\"USERNAME\":\"" + user + "\",\"AMOUNT\":1.00}",
                        StandardCharsets.UTF_8)).build());
        assertEquals(0, kinesis.putRecords(r -> r.streamName("Transactions").records(entries)).failedRecordCount());
    }

    private List<String> rows(int count) {
        StreamContents out = new StreamContents(kinesis, "Out");
        Await.until(TIMEOUT, () -> out.refresh() >= count, () -> out.records().size() + " of " + count);
        List<String> rows = new ArrayList<>();
        for (JsonNode row : out.json()) {
            rows.add(row.get("ID").asInt() + " " + row.get("USERNAME").asText() + " " + row.path("TIER"));
        }
        return rows;
    }

    @Test
    void aStartedApplicationJoinsEveryRecordWithTheTableLoadedFromS3() {
        // The code names "Users" before the table exists: accepted, as CloudFormation creates the source after it.
        createApplication(JOIN_SQL);
        analytics.addApplicationReferenceDataSource(r -> r.applicationName("app").currentApplicationVersionId(version())
                .referenceDataSource(users("users.csv")));
        ReferenceDataSourceDescription described = analytics.describeApplication(r -> r.applicationName("app"))
                .applicationDetail().referenceDataSourceDescriptions().get(0);
        assertEquals("Users", described.tableName());
        assertEquals("users.csv", described.s3ReferenceDataSourceDescription().fileKey());
        start();
        put(1, "alice");
        put(2, "carol");
        put(3, "bob");
        assertEquals(List.of("1 alice \"gold\"", "2 carol null", "3 bob \"silver\""), rows(3));
    }

    @Test
    void anUpdateOfTheSourceReloadsTheTableOfARunningApplicationWithoutRepeatingRows() {
        createApplication(JOIN_SQL);
        analytics.addApplicationReferenceDataSource(r -> r.applicationName("app").currentApplicationVersionId(version())
                .referenceDataSource(users("users.csv")));
        start();
        put(1, "alice");
        put(2, "bob");
        assertEquals(List.of("1 alice \"gold\"", "2 bob \"silver\""), rows(2));
        // The table is loaded once: a new object changes nothing until UpdateApplication names it.
        putObject("users-v2.csv", "alice,platinum\ncarol,bronze\n");
        String referenceId = analytics.describeApplication(r -> r.applicationName("app")).applicationDetail()
                .referenceDataSourceDescriptions().get(0).referenceId();
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(version())
                .applicationUpdate(u -> u.referenceDataSourceUpdates(ref -> ref.referenceId(referenceId)
                        .s3ReferenceDataSourceUpdate(s -> s.fileKeyUpdate("users-v2.csv")))));
        Await.until(TIMEOUT, () -> "RUNNING".equals(status()), this::status);
        put(3, "alice");
        put(4, "bob");
        put(5, "carol");
        List<String> rows = rows(5);
        assertEquals(List.of("1 alice \"gold\"", "2 bob \"silver\"", "3 alice \"platinum\"", "4 bob null",
                "5 carol \"bronze\""), rows);
    }

    @Test
    void startIsRefusedWhenTheReferenceObjectCannotBeRead() {
        createApplication(JOIN_SQL);
        analytics.addApplicationReferenceDataSource(r -> r.applicationName("app").currentApplicationVersionId(version())
                .referenceDataSource(users("missing.csv")));
        InvalidApplicationConfigurationException e = assertThrows(InvalidApplicationConfigurationException.class,
                this::start);
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("Reference data source 1.1 (table Users) of "
                + "application app cannot be read from s3://reference/missing.csv: NoSuchKey"),
                e.awsErrorDetails().errorMessage());
        assertEquals("READY", status());
    }

    @Test
    void codeNamingATableTheApplicationDoesNotHaveIsRefusedAtStartAndOnceItHasOne() {
        createApplication(JOIN_SQL);
        InvalidApplicationConfigurationException start = assertThrows(InvalidApplicationConfigurationException.class,
                this::start);
        assertTrue(start.awsErrorDetails().errorMessage().contains("line 4, column 42: Stream \"Users\" not found"),
                start.awsErrorDetails().errorMessage());
        analytics.addApplicationReferenceDataSource(r -> r.applicationName("app").currentApplicationVersionId(version())
                .referenceDataSource(users("users.csv")));
        // With its one reference table in place, another unknown name can no longer be a table still to come.
        CodeValidationException update = assertThrows(CodeValidationException.class, () -> analytics.updateApplication(
                r -> r.applicationName("app").currentApplicationVersionId(version()).applicationUpdate(u -> u
                        .applicationCodeUpdate(JOIN_SQL.replace("\"Users\"", "\"Customers\"")))));
        assertTrue(update.awsErrorDetails().errorMessage().contains("Stream \"Customers\" not found"),
                update.awsErrorDetails().errorMessage());
    }

    @Test
    void cloudFormationDeclaresTheReferenceDataSourceAfterItsApplication() {
        String template = """
                Resources:
                  App:
                    Type: AWS::KinesisAnalytics::Application
                    Properties:
                      ApplicationName: stack-app
                      ApplicationCode: |
                %s
                      Inputs:
                        - NamePrefix: SOURCE_SQL_STREAM
                          KinesisStreamsInput: {ResourceARN: %s, RoleARN: %s}
                          InputParallelism: {Count: 1}
                          InputSchema:
                            RecordFormat: {RecordFormatType: JSON, MappingParameters: {JSONMappingParameters: {RecordRowPath: "$"}}}
                            RecordEncoding: UTF-8
                            RecordColumns:
                              - {Name: ID, SqlType: INTEGER, Mapping: "$.ID"}
                              - {Name: USERNAME, SqlType: VARCHAR(200), Mapping: "$.USERNAME"}
                              - {Name: AMOUNT, SqlType: "DECIMAL(5,2)", Mapping: "$.AMOUNT"}
                  Users:
                    Type: AWS::KinesisAnalytics::ApplicationReferenceDataSource
                    Properties:
                      ApplicationName: !Ref App
                      ReferenceDataSource:
                        TableName: Users
                        S3ReferenceDataSource: {BucketARN: "arn:aws:s3:::reference", FileKey: users.csv, ReferenceRoleARN: %s}
                        ReferenceSchema:
                          RecordFormat: {RecordFormatType: CSV, MappingParameters: {CSVMappingParameters: {RecordRowDelimiter: "\\n", RecordColumnDelimiter: ","}}}
                          RecordEncoding: UTF-8
                          RecordColumns:
                            - {Name: USERNAME, SqlType: VARCHAR(20)}
                            - {Name: TIER, SqlType: VARCHAR(10)}
                """.formatted(JOIN_SQL.indent(8).stripTrailing(), ARN + "Transactions", AnalyticsControlPlaneIT.ROLE,
                AnalyticsControlPlaneIT.ROLE);
        try (CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            cfn.createStack(r -> r.stackName("ref").templateBody(template));
            Await.until(TIMEOUT, () -> cfn.describeStacks(r -> r.stackName("ref")).stacks().get(0).stackStatusAsString()
                    .endsWith("_COMPLETE"), () -> cfn.describeStacks(r -> r.stackName("ref")).stacks().get(0)
                    .stackStatusReason());
            assertEquals("CREATE_COMPLETE", cfn.describeStacks(r -> r.stackName("ref")).stacks().get(0)
                    .stackStatusAsString());
        }
        var detail = analytics.describeApplication(r -> r.applicationName("stack-app")).applicationDetail();
        assertEquals(List.of("Users"), detail.referenceDataSourceDescriptions().stream()
                .map(ReferenceDataSourceDescription::tableName).toList());
        assertEquals(2L, detail.applicationVersionId());
        assertEquals(List.of("USERNAME", "TIER"), detail.referenceDataSourceDescriptions().get(0).referenceSchema()
                .recordColumns().stream().map(RecordColumn::name).toList());
    }
}
