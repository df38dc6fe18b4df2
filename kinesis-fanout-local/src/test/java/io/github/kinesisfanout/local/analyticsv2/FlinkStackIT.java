package io.github.kinesisfanout.local.analyticsv2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.SdkClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceNotFoundException;

/** A Managed Flink application and its logging option as CloudFormation resources. */
class FlinkStackIT extends FlinkFixture {

    private static final String TEMPLATE = """
            Parameters:
              Interval:
                Type: Number
                Default: 10000
            Resources:
              App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  ApplicationName: fanout-flink
                  RuntimeEnvironment: FLINK-1_19
                  ServiceExecutionRole: arn:aws:iam::000000000000:role/flink
                  ApplicationConfiguration:
                    ApplicationCodeConfiguration:
                      CodeContentType: ZIPFILE
                      CodeContent:
                        S3ContentLocation:
                          BucketARN: arn:aws:s3:::code
                          FileKey: app/application.jar
                    FlinkApplicationConfiguration:
                      CheckpointConfiguration:
                        ConfigurationType: CUSTOM
                        CheckpointingEnabled: true
                        CheckpointInterval: !Ref Interval
                    EnvironmentProperties:
                      PropertyGroups:
                        - PropertyGroupId: FanoutApplication
                          PropertyMap:
                            input.stream: in
                    ApplicationSnapshotConfiguration:
                      SnapshotsEnabled: true
              Logging:
                Type: AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption
                Properties:
                  ApplicationName: !Ref App
                  CloudWatchLoggingOption:
                    LogStreamARN: arn:aws:logs:us-east-1:000000000000:log-group:/flink:log-stream:fanout
            Outputs:
              Name:
                Value: !Ref App
            """;

    @Test
    void theApplicationIsCreatedStoppedUpdatedAndDeleted() {
        try (CloudFormationClient cfn = SdkClients.client(CloudFormationClient.builder(), cloud.endpoint())) {
            cfn.createStack(b -> b.stackName("flink").templateBody(TEMPLATE));
            assertEquals("CREATE_COMPLETE", settle(cfn).stackStatusAsString());
            ApplicationDetail detail = flink.describeApplication(b -> b.applicationName("fanout-flink")).applicationDetail();
            assertEquals(ApplicationStatus.READY, detail.applicationStatus());
            assertEquals(2L, detail.applicationVersionId(), "created, then the logging option added");
            assertEquals(10_000L, detail.applicationConfigurationDescription().flinkApplicationConfigurationDescription()
                    .checkpointConfigurationDescription().checkpointInterval());
            assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/flink:log-stream:fanout",
                    detail.cloudWatchLoggingOptionDescriptions().get(0).logStreamARN());

            cfn.updateStack(b -> b.stackName("flink").templateBody(TEMPLATE)
                    .parameters(p -> p.parameterKey("Interval").parameterValue("20000")));
            assertEquals("UPDATE_COMPLETE", settle(cfn).stackStatusAsString());
            detail = flink.describeApplication(b -> b.applicationName("fanout-flink")).applicationDetail();
            assertEquals(20_000L, detail.applicationConfigurationDescription().flinkApplicationConfigurationDescription()
                    .checkpointConfigurationDescription().checkpointInterval());
            assertEquals(3L, detail.applicationVersionId());

            cfn.deleteStack(b -> b.stackName("flink"));
            await(() -> {
                try {
                    flink.describeApplication(b -> b.applicationName("fanout-flink"));
                    return false;
                } catch (ResourceNotFoundException gone) {
                    return true;
                }
            }, () -> "application still there");
            assertThrows(ResourceNotFoundException.class, () -> flink.describeApplication(b -> b.applicationName("fanout-flink")));
        }
    }

    private static Stack settle(CloudFormationClient cfn) {
        Stack[] stack = new Stack[1];
        await(() -> {
            stack[0] = cfn.describeStacks(b -> b.stackName("flink")).stacks().get(0);
            return !stack[0].stackStatusAsString().endsWith("IN_PROGRESS");
        }, () -> "stack still " + stack[0].stackStatusAsString());
        return stack[0];
    }
}
