package io.github.kinesisfanout.local.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** Stacks of Kinesis streams through the real SDK's CloudFormation client (AWS Query, XML). */
class KinesisStackIT {

    private static final String STREAMS = """
            AWSTemplateFormatVersion: 2010-09-09
            Description: streams
            Parameters:
              Prefix: {Type: String, AllowedPattern: "[A-Za-z]+"}
              Secret: {Type: String, NoEcho: true, Default: hidden}
            Resources:
              Input:
                Type: AWS::Kinesis::Stream
                Properties: {Name: !Sub "${Prefix}Input", ShardCount: 1}
              Output:
                Type: AWS::Kinesis::Stream
                Properties:
                  Name: !Join ["", [!Ref Prefix, Output]]
                  ShardCount: 1
                  Tags: [{Key: input, Value: !Ref Input}]
            Outputs:
              InputArn: {Value: !GetAtt Input.Arn}
              OutputName: {Value: !Ref Output}
            """;

    private static LocalCloud cloud;
    private static CloudFormationClient cfn;
    private static KinesisClient kinesis;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().build().start();
        cfn = CloudFormationClients.cloudFormation(cloud.endpoint());
        kinesis = CloudFormationClients.kinesis(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        cfn.close();
        kinesis.close();
        cloud.close();
    }

    @Test
    void createsUpdatesAndDeletesStreams() {
        String id = cfn.createStack(b -> b.stackName("streams").templateBody(STREAMS).tags(List.of())
                .parameters(Parameter.builder().parameterKey("Prefix").parameterValue("Demo").build())).stackId();
        Stack stack = CloudFormationClients.settle(cfn, "streams");
        assertEquals("CREATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "streams"));
        assertEquals("streams", stack.description());
        assertTrue(stack.tags().isEmpty(), "an explicitly empty list arrives as Tags= and means no tags");
        Map<String, String> outputs = outputs(stack);
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/DemoInput", outputs.get("InputArn"));
        assertEquals("DemoOutput", outputs.get("OutputName"));
        assertEquals("****", stack.parameters().stream().filter(p -> p.parameterKey().equals("Secret"))
                .findFirst().orElseThrow().parameterValue());
        assertEquals(1, kinesis.describeStreamSummary(b -> b.streamName("DemoInput"))
                .streamDescriptionSummary().openShardCount());
        assertEquals("DemoInput", kinesis.listTagsForStream(b -> b.streamName("DemoOutput")).tags().get(0).value());

        String twoShards = STREAMS.replace("Properties: {Name: !Sub \"${Prefix}Input\", ShardCount: 1}",
                "Properties: {Name: !Sub \"${Prefix}Input\", ShardCount: 2}") + """
                  Extra: {Value: !Ref Extra}
                """;
        String updated = twoShards.replace("Outputs:", """
                  Extra:
                    Type: AWS::Kinesis::Stream
                    Properties: {Name: DemoExtra, ShardCount: 1}
                Outputs:""");
        cfn.updateStack(b -> b.stackName("streams").templateBody(updated)
                .parameters(Parameter.builder().parameterKey("Prefix").usePreviousValue(true).build()));
        stack = CloudFormationClients.settle(cfn, "streams");
        assertEquals("UPDATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "streams"));
        assertEquals(2, kinesis.describeStreamSummary(b -> b.streamName("DemoInput"))
                .streamDescriptionSummary().openShardCount());
        assertEquals("DemoExtra", outputs(stack).get("Extra"));

        CloudFormationException same = assertThrows(CloudFormationException.class, () -> cfn.updateStack(b -> b
                .stackName("streams").templateBody(updated)
                .parameters(Parameter.builder().parameterKey("Prefix").usePreviousValue(true).build())));
        assertEquals("ValidationError", same.awsErrorDetails().errorCode());
        assertEquals("No updates are to be performed.", same.awsErrorDetails().errorMessage());

        cfn.deleteStack(b -> b.stackName("streams"));
        assertEquals("DELETE_COMPLETE", CloudFormationClients.settle(cfn, id).stackStatusAsString());
        assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStreamSummary(b -> b.streamName("DemoInput")));
        CloudFormationException gone = assertThrows(CloudFormationException.class,
                () -> cfn.describeStacks(b -> b.stackName("streams")));
        assertEquals("Stack with id streams does not exist", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void unsupportedTypeRollsBackWithTheReasonInTheEvents() {
        cfn.createStack(b -> b.stackName("with-queue").templateBody("""
                Resources:
                  Stream: {Type: AWS::Kinesis::Stream, Properties: {Name: RolledBack, ShardCount: 1}}
                  Queue: {Type: AWS::SQS::Queue, DependsOn: Stream}
                """));
        Stack stack = CloudFormationClients.settle(cfn, "with-queue");
        assertEquals("ROLLBACK_COMPLETE", stack.stackStatusAsString());
        List<StackEvent> events = cfn.describeStackEvents(b -> b.stackName("with-queue")).stackEvents();
        StackEvent failed = events.stream().filter(e -> e.resourceStatusAsString().equals("CREATE_FAILED"))
                .findFirst().orElseThrow();
        assertEquals("Queue", failed.logicalResourceId());
        assertEquals("Resource type AWS::SQS::Queue is not supported by the local cloud", failed.resourceStatusReason());
        assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStreamSummary(b -> b.streamName("RolledBack")));
        assertThrows(AlreadyExistsException.class, () -> cfn.createStack(b -> b.stackName("with-queue")
                .templateBody("Resources: {S: {Type: AWS::Kinesis::Stream}}")));
    }

    @Test
    void getAttOfAMissingResourceIsRejectedBeforeAnythingIsCreated() {
        CloudFormationException e = assertThrows(CloudFormationException.class, () -> cfn.createStack(b -> b
                .stackName("bad-getatt").templateBody("""
                        {"Resources": {"S": {"Type": "AWS::Kinesis::Stream",
                          "Properties": {"Name": {"Fn::GetAtt": ["Foo", "Arn"]}}}}}""")));
        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
        assertEquals("Template error: instance of Fn::GetAtt references undefined resource Foo",
                e.awsErrorDetails().errorMessage());
    }

    private static Map<String, String> outputs(Stack stack) {
        return stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    }
}
