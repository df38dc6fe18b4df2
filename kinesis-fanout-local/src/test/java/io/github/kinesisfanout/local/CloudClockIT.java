package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.lambda.HandlerJars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The builder's clock is the time of every service's AWS-visible timestamps, including those of the
 * services that once read the system clock (Lambda, CloudFormation, Kinesis Analytics).
 */
class CloudClockIT {

    /** 2021-03-04T05:06:07Z: 18,690 days after the epoch (51 years, 13 leap days, 62 days into 2021) and 18,367 s. */
    private static final Instant FIXED = Instant.parse("2021-03-04T05:06:07Z");
    private static final long FIXED_MILLIS = 1_614_834_367_000L;

    private LocalCloud cloud;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().clock(Clock.fixed(FIXED, ZoneOffset.UTC)).build().start();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void theFixedInstantIsTheOneWorkedOutByHand() {
        assertEquals(FIXED_MILLIS, FIXED.toEpochMilli());
    }

    @Test
    void lambdaStampsFunctionsMappingsAndLogLinesWithTheCloudsClock() {
        try (S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint());
                KinesisClient kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint());
                LambdaClient lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint());
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            s3.createBucket(b -> b.bucket("code"));
            s3.putObject(p -> p.bucket("code").key("handlers.zip"), RequestBody.fromBytes(HandlerJars.handlerZip()));
            String lastModified = lambda.createFunction(c -> c.functionName("echo").runtime(Runtime.JAVA17)
                    .handler("example.EchoHandler").role("arn:aws:iam::000000000000:role/lambda-role")
                    .code(code -> code.s3Bucket("code").s3Key("handlers.zip"))).lastModified();
            // Lambda's LastModified format: yyyy-MM-dd'T'HH:mm:ss.SSS+0000.
            assertEquals("2021-03-04T05:06:07.000+0000", lastModified);
            assertEquals("2021-03-04T05:06:07.000+0000",
                    lambda.getFunction(g -> g.functionName("echo")).configuration().lastModified());

            lambda.invoke(i -> i.functionName("echo").payload(SdkBytes.fromUtf8String("{\"order\":42}")));
            List<FilteredLogEvent> events = logs.filterLogEvents(f -> f.logGroupName("/aws/lambda/echo")).events();
            assertFalse(events.isEmpty(), "START, the handler's line, END and REPORT");
            assertTrue(events.stream().anyMatch(e -> e.message().startsWith("START RequestId: ")), events.toString());
            events.forEach(e -> assertEquals(FIXED_MILLIS, e.timestamp(), e.message()));
            List<LogStream> streams = logs.describeLogStreams(d -> d.logGroupName("/aws/lambda/echo")).logStreams();
            assertEquals(1, streams.size());
            // Lambda names a stream after its environment's day: YYYY/MM/DD/[$LATEST]...
            assertTrue(streams.get(0).logStreamName().startsWith("2021/03/04/[$LATEST]"), streams.get(0).logStreamName());

            kinesis.createStream(c -> c.streamName("orders").shardCount(1));
            String streamArn = kinesis.describeStreamSummary(d -> d.streamName("orders")).streamDescriptionSummary()
                    .streamARN();
            Instant mappingModified = lambda.createEventSourceMapping(c -> c.functionName("echo")
                    .eventSourceArn(streamArn).startingPosition("TRIM_HORIZON")).lastModified();
            assertEquals(FIXED, mappingModified);

            // StartingPositionTimestamp is judged against the cloud's clock: an hour after FIXED is in its
            // future (though long past by the system clock), an hour before FIXED is in its past.
            kinesis.createStream(c -> c.streamName("returns").shardCount(1));
            String returnsArn = kinesis.describeStreamSummary(d -> d.streamName("returns")).streamDescriptionSummary()
                    .streamARN();
            InvalidParameterValueException future = assertThrows(InvalidParameterValueException.class,
                    () -> lambda.createEventSourceMapping(c -> c.functionName("echo").eventSourceArn(returnsArn)
                            .startingPosition("AT_TIMESTAMP").startingPositionTimestamp(FIXED.plusSeconds(3600))));
            assertEquals("StartingPositionTimestamp cannot be in the future", future.awsErrorDetails().errorMessage());
            assertEquals(FIXED.minusSeconds(3600), lambda.createEventSourceMapping(c -> c.functionName("echo")
                    .eventSourceArn(returnsArn).startingPosition("AT_TIMESTAMP")
                    .startingPositionTimestamp(FIXED.minusSeconds(3600))).startingPositionTimestamp());
        }
    }

    @Test
    void cloudFormationStampsStacksAndEventsWithTheCloudsClock() {
        String template = "{\"Resources\":{\"Group\":{\"Type\":\"AWS::Logs::LogGroup\","
                + "\"Properties\":{\"LogGroupName\":\"/clocked\"}}}}";
        try (CloudFormationClient cloudFormation = SdkClients.client(CloudFormationClient.builder(), cloud.endpoint());
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            cloudFormation.createStack(c -> c.stackName("clocked").templateBody(template));
            Stack stack = settled(cloudFormation, "clocked");
            assertEquals("CREATE_COMPLETE", stack.stackStatusAsString());
            assertEquals(FIXED, stack.creationTime());
            List<StackEvent> events = cloudFormation.describeStackEvents(d -> d.stackName("clocked")).stackEvents();
            // The stack's CREATE_IN_PROGRESS and CREATE_COMPLETE; the log group's CREATE_IN_PROGRESS twice (as
            // CloudFormation reports it: once as the step starts, once "Resource creation Initiated") and CREATE_COMPLETE.
            assertEquals(5, events.size(), events.toString());
            events.forEach(e -> assertEquals(FIXED, e.timestamp(), e.toString()));
            assertEquals(FIXED_MILLIS, logs.describeLogGroups(d -> d.logGroupNamePrefix("/clocked")).logGroups().get(0)
                    .creationTime());
        }
    }

    @Test
    void kinesisAnalyticsStampsApplicationsWithTheCloudsClock() {
        try (KinesisAnalyticsClient analytics = SdkClients.client(KinesisAnalyticsClient.builder(), cloud.endpoint())) {
            analytics.createApplication(c -> c.applicationName("clocked"));
            var detail = analytics.describeApplication(d -> d.applicationName("clocked")).applicationDetail();
            assertEquals(FIXED, detail.createTimestamp());
            assertEquals(FIXED, detail.lastUpdateTimestamp());
        }
    }

    private static Stack settled(CloudFormationClient cloudFormation, String name) {
        return Await.until(Duration.ofSeconds(10), () -> cloudFormation.describeStacks(d -> d.stackName(name)).stacks().get(0),
                stack -> !stack.stackStatusAsString().endsWith("_IN_PROGRESS"),
                stack -> "stack " + name + " still " + stack.stackStatusAsString());
    }
}
