package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.SdkClients;
import io.github.kinesisfanout.local.lambda.HandlerJars;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidArgumentException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/** LambdaOutput through the local Lambda service and DiscoverInputSchema from a local S3 object. */
class ServiceOutputsIT extends LocalCloudFixture {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";

    @Test
    void lambdaOutputsReceiveEveryRowOfTheirStream() {
        try (LambdaClient lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint());
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            String function = lambda.createFunction(c -> c.functionName("positives").runtime(Runtime.JAVA17)
                    .handler("example.AnalyticsOutputHandler").role(AnalyticsControlPlaneIT.ROLE)
                    .code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip())))).functionArn();
            lambda.waiter().waitUntilFunctionActiveV2(g -> g.functionName("positives"));
            kinesis.createStream(r -> r.streamName("Transactions").shardCount(2));
            analytics.createApplication(r -> r.applicationName("app").applicationCode(TransactionApp.SQL)
                    .inputs(TransactionApp.input(ARN + "Transactions", 1))
                    .outputs(o -> o.name("POSITIVE_TRANSACTIONS").lambdaOutput(l -> l.resourceARN(function)
                            .roleARN(AnalyticsControlPlaneIT.ROLE)).destinationSchema(d -> d.recordFormatType("JSON"))));
            analytics.startApplication(r -> r.applicationName("app").inputConfigurations(c -> c.id("1.1")
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
            Set<Integer> positive = new TreeSet<>();
            for (int id = 0; id < 60; id++) {
                int amount = id % 3 == 0 ? -id : id;
                if (amount >= 0) {
                    positive.add(id);
                }
                String json = "{\"ID\":" + id + ",\"USERNAME\":\"u\",\"AMOUNT\":" + amount + "}";
                kinesis.putRecord(r -> r.streamName("Transactions").partitionKey(json)
                        .data(SdkBytes.fromString(json, StandardCharsets.UTF_8)));
            }
            Await.until(Duration.ofSeconds(60), () -> rows(logs).size() >= positive.size(), () -> rows(logs).toString());
            Set<Integer> delivered = new TreeSet<>();
            for (String row : rows(logs)) {
                delivered.add(Integer.parseInt(row.replaceAll("^row \\{\"ID\":(\\d+),.*$", "$1")));
            }
            assertEquals(positive, delivered);
            assertEquals(positive.size(), rows(logs).size());
        }
    }

    private static List<String> rows(CloudWatchLogsClient logs) {
        try {
            return logs.filterLogEventsPaginator(f -> f.logGroupName("/aws/lambda/positives")).events().stream()
                    .map(FilteredLogEvent::message).map(String::trim).filter(m -> m.startsWith("row ")).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }

    @Test
    void discoverInputSchemaReadsAnS3Object() {
        try (S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint())) {
            s3.createBucket(b -> b.bucket("samples"));
            s3.putObject(p -> p.bucket("samples").key("stocks.csv"),
                    RequestBody.fromString("TICKER,PRICE,VOLUME\nAMZN,101.5,300\nMSFT,88.25,1200\n"));
            var response = analytics.discoverInputSchema(r -> r.s3Configuration(c -> c.bucketARN("arn:aws:s3:::samples")
                    .fileKey("stocks.csv").roleARN(AnalyticsControlPlaneIT.ROLE)));
            assertEquals(List.of("TICKER VARCHAR(4)", "PRICE REAL", "VOLUME SMALLINT"), response.inputSchema()
                    .recordColumns().stream().map(c -> c.name() + " " + c.sqlType()).toList());
            assertEquals("CSV", response.inputSchema().recordFormat().recordFormatTypeAsString());
            assertEquals(List.of("AMZN", "101.5", "300"), response.parsedInputRecords().get(1));
            var missing = assertThrows(InvalidArgumentException.class, () -> analytics.discoverInputSchema(r -> r
                    .s3Configuration(c -> c.bucketARN("arn:aws:s3:::samples").fileKey("nope.csv")
                            .roleARN(AnalyticsControlPlaneIT.ROLE))));
            assertTrue(missing.getMessage().contains("s3://samples/nope.csv"), missing.getMessage());
        }
    }
}
