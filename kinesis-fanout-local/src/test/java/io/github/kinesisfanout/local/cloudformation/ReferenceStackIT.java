package io.github.kinesisfanout.local.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.lambda.HandlerJars;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.InsufficientCapabilitiesException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The reference stack of the design (three streams, the analytics role, two Java consumers with
 * Kinesis mappings) deployed, updated, failed and rolled back, and deleted with the real SDK.
 */
class ReferenceStackIT {

    private static LocalCloud cloud;
    private static CloudFormationClient cfn;
    private static KinesisClient kinesis;
    private static LambdaClient lambda;
    private static IamClient iam;
    private static CloudWatchLogsClient logs;
    private static String template;

    @BeforeAll
    static void start() throws IOException {
        cloud = LocalCloud.builder().build().start();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));
        cfn = CloudFormationClients.cloudFormation(cloud.endpoint());
        kinesis = CloudFormationClients.kinesis(cloud.endpoint());
        lambda = LambdaClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        iam = IamClient.builder().endpointOverride(cloud.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        try (S3Client s3 = S3Client.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket("fanout-code"));
            s3.putObject(b -> b.bucket("fanout-code").key("consumers.zip"), RequestBody.fromBytes(HandlerJars.handlerZip()));
        }
        try (InputStream in = ReferenceStackIT.class.getResourceAsStream("/cloudformation/reference-stack.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable client : List.of(cfn, kinesis, lambda, iam, logs, cloud)) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing a client cannot fail the test
            }
        }
    }

    private static List<Parameter> parameters() {
        return List.of(Parameter.builder().parameterKey("CodeBucket").parameterValue("fanout-code").build(),
                Parameter.builder().parameterKey("CodeKey").parameterValue("consumers.zip").build());
    }

    @Test
    void referenceStackLifecycle() {
        InsufficientCapabilitiesException noCapability = assertThrows(InsufficientCapabilitiesException.class,
                () -> cfn.createStack(b -> b.stackName("fanout").templateBody(template).parameters(parameters())));
        assertEquals("Requires capabilities : [CAPABILITY_NAMED_IAM]", noCapability.awsErrorDetails().errorMessage());

        String stackId = cfn.createStack(b -> b.stackName("fanout").templateBody(template).parameters(parameters())
                .capabilities(Capability.CAPABILITY_NAMED_IAM)).stackId();
        Stack stack = CloudFormationClients.settle(cfn, "fanout");
        assertEquals("CREATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "fanout"));
        Map<String, String> outputs = outputs(stack);
        assertEquals(Map.of(
                "InputStreamArn", "arn:aws:kinesis:us-east-1:000000000000:stream/Transactions",
                "PositiveStreamArn", "arn:aws:kinesis:us-east-1:000000000000:stream/PositiveTransactions",
                "NegativeStreamArn", "arn:aws:kinesis:us-east-1:000000000000:stream/NegativeTransactions",
                "AnalyticsRoleArn", "arn:aws:iam::000000000000:role/fanout-analytics"), outputs);

        String policy = URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("fanout-analytics")
                .policyName("fanout-streams")).policyDocument(), StandardCharsets.UTF_8);
        assertTrue(policy.contains("\"Sid\":\"ReadInput\"") && policy.contains("\"Sid\":\"WritePositive\"")
                && policy.contains("\"Sid\":\"WriteNegative\""), policy);
        assertTrue(policy.contains("arn:aws:kinesis:us-east-1:000000000000:stream/NegativeTransactions"), policy);
        for (String function : List.of("fanout-positive", "fanout-negative")) {
            assertEquals("Active", lambda.getFunction(b -> b.functionName(function)).configuration().stateAsString());
            List<EventSourceMappingConfiguration> mappings =
                    lambda.listEventSourceMappings(b -> b.functionName(function)).eventSourceMappings();
            assertEquals(1, mappings.size());
            assertEquals(100, mappings.get(0).batchSize());
            assertEquals("TRIM_HORIZON", mappings.get(0).startingPositionAsString());
            assertEquals("Enabled", mappings.get(0).state());
        }
        kinesis.putRecord(b -> b.streamName("PositiveTransactions").partitionKey("1")
                .data(SdkBytes.fromUtf8String("{\"ID\":1,\"USERNAME\":\"ann\",\"AMOUNT\":12.50}")));
        awaitLog("/aws/lambda/fanout-positive", "batch of 1");

        updateAddsAStreamAndReshards();
        failedUpdatesRollBack();

        cfn.deleteStack(b -> b.stackName("fanout"));
        assertEquals("DELETE_COMPLETE", CloudFormationClients.settle(cfn, stackId).stackStatusAsString());
        assertEquals(List.of(), kinesis.listStreams().streamNames());
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("fanout-analytics")));
        assertThrows(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
                () -> lambda.getFunction(b -> b.functionName("fanout-positive")));
    }

    @Test
    void bucketLogGroupAndPermission() {
        String template = """
                Resources:
                  Uploads:
                    Type: AWS::S3::Bucket
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties: {LogGroupName: /fanout/uploads, RetentionInDays: 7}
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  OnUpload:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: on-upload
                      Runtime: java17
                      Handler: example.EchoHandler
                      Role: !GetAtt Role.Arn
                      Code: {S3Bucket: fanout-code, S3Key: consumers.zip}
                  InvokeFromBucket:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: !Ref OnUpload
                      Action: lambda:InvokeFunction
                      Principal: s3.amazonaws.com
                      SourceArn: !GetAtt Uploads.Arn
                Outputs:
                  Bucket: {Value: !Ref Uploads}
                  LogGroupArn: {Value: !GetAtt Logs.Arn}
                """;
        String stackId = cfn.createStack(b -> b.stackName("uploads").templateBody(template)
                .capabilities(Capability.CAPABILITY_IAM)).stackId();
        Stack stack = CloudFormationClients.settle(cfn, "uploads");
        assertEquals("CREATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "uploads"));
        String bucket = outputs(stack).get("Bucket");
        assertTrue(bucket.matches("uploads-uploads-[a-z0-9]{12}"), bucket);
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/fanout/uploads:*", outputs(stack).get("LogGroupArn"));
        assertEquals(7, logs.describeLogGroups(b -> b.logGroupNamePrefix("/fanout/uploads")).logGroups().get(0)
                .retentionInDays());
        String policy = lambda.getPolicy(b -> b.functionName("on-upload")).policy();
        assertTrue(policy.contains("s3.amazonaws.com") && policy.contains("arn:aws:s3:::" + bucket), policy);

        cfn.deleteStack(b -> b.stackName("uploads"));
        assertEquals("DELETE_COMPLETE", CloudFormationClients.settle(cfn, stackId).stackStatusAsString());
        assertTrue(logs.describeLogGroups(b -> b.logGroupNamePrefix("/fanout/uploads")).logGroups().isEmpty());
        assertThrows(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
                () -> lambda.getFunction(b -> b.functionName("on-upload")));
    }

    private void updateAddsAStreamAndReshards() {
        String updated = template.replace("      Name: Transactions\n      ShardCount: 1",
                "      Name: Transactions\n      ShardCount: 2").replace("Outputs:", """
                  AuditTransactions:
                    Type: AWS::Kinesis::Stream
                    Properties: {Name: AuditTransactions, ShardCount: 1}
                Outputs:
                  AuditStreamArn:
                    Value: !GetAtt AuditTransactions.Arn""");
        cfn.updateStack(b -> b.stackName("fanout").templateBody(updated).capabilities(Capability.CAPABILITY_NAMED_IAM)
                .parameters(usePrevious()));
        Stack stack = CloudFormationClients.settle(cfn, "fanout");
        assertEquals("UPDATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "fanout"));
        assertEquals(2, kinesis.describeStreamSummary(b -> b.streamName("Transactions"))
                .streamDescriptionSummary().openShardCount());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/AuditTransactions",
                outputs(stack).get("AuditStreamArn"));
        template = updated;
    }

    private void failedUpdatesRollBack() {
        String withQueue = template.replace("Outputs:", """
                  Dead:
                    Type: AWS::SQS::Queue
                  Extra:
                    Type: AWS::Kinesis::Stream
                    DependsOn: Dead
                    Properties: {Name: Extra, ShardCount: 1}
                Outputs:""");
        cfn.updateStack(b -> b.stackName("fanout").templateBody(withQueue).capabilities(Capability.CAPABILITY_NAMED_IAM)
                .parameters(usePrevious()));
        Stack stack = CloudFormationClients.settle(cfn, "fanout");
        assertEquals("UPDATE_ROLLBACK_COMPLETE", stack.stackStatusAsString());
        assertTrue(cfn.describeStackEvents(b -> b.stackName("fanout")).stackEvents().stream().anyMatch(e ->
                "Dead".equals(e.logicalResourceId()) && "CREATE_FAILED".equals(e.resourceStatusAsString())
                        && "Resource type AWS::SQS::Queue is not supported by the local cloud".equals(e.resourceStatusReason())));
        assertTrue(!kinesis.listStreams().streamNames().contains("Extra"));

        String badGetAtt = template.replace("Value: !GetAtt AuditTransactions.Arn", "Value: !GetAtt Foo.Arn");
        CloudFormationException e = assertThrows(CloudFormationException.class, () -> cfn.updateStack(b -> b
                .stackName("fanout").templateBody(badGetAtt).capabilities(Capability.CAPABILITY_NAMED_IAM)
                .parameters(usePrevious())));
        assertEquals("Template error: instance of Fn::GetAtt references undefined resource Foo",
                e.awsErrorDetails().errorMessage());
    }

    private static List<Parameter> usePrevious() {
        return List.of(Parameter.builder().parameterKey("CodeBucket").usePreviousValue(true).build(),
                Parameter.builder().parameterKey("CodeKey").usePreviousValue(true).build());
    }

    private static void awaitLog(String group, String text) {
        Await.until(Duration.ofSeconds(30), () -> {
            try {
                return logs.filterLogEvents(b -> b.logGroupName(group)).events().stream()
                        .anyMatch(e -> e.message().contains(text));
            } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException notYet) {
                return false; // the group appears with the first invocation
            }
        }, () -> "no log line containing '" + text + "' in " + group);
    }

    private static Map<String, String> outputs(Stack stack) {
        return stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    }
}
