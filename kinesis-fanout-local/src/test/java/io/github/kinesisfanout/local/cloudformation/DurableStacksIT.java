package io.github.kinesisfanout.local.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.LocalCloud;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** Stacks, their resources, outputs and events survive a restart on a data directory, and still manage their resources. */
class DurableStacksIT {

    private static final String TEMPLATE = """
            Parameters:
              Prefix: {Type: String}
            Resources:
              Input:
                Type: AWS::Kinesis::Stream
                Properties: {Name: !Sub "${Prefix}Input", ShardCount: 1}
            Outputs:
              InputArn: {Value: !GetAtt Input.Arn, Export: {Name: !Sub "${Prefix}-input"}}
            """;

    @TempDir
    Path dir;

    @Test
    void stacksComeBackAndCanBeDeletedAfterARestart() {
        Stack before;
        List<StackEvent> eventsBefore;
        List<StackResource> resourcesBefore;
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudFormationClient cfn = CloudFormationClients.cloudFormation(cloud.endpoint())) {
            cfn.createStack(b -> b.stackName("pipeline").templateBody(TEMPLATE)
                    .parameters(Parameter.builder().parameterKey("Prefix").parameterValue("Demo").build()));
            before = CloudFormationClients.settle(cfn, "pipeline");
            assertEquals("CREATE_COMPLETE", before.stackStatusAsString());
            eventsBefore = cfn.describeStackEvents(b -> b.stackName("pipeline")).stackEvents();
            resourcesBefore = cfn.describeStackResources(b -> b.stackName("pipeline")).stackResources();
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudFormationClient cfn = CloudFormationClients.cloudFormation(cloud.endpoint());
                KinesisClient kinesis = CloudFormationClients.kinesis(cloud.endpoint())) {
            assertEquals(before, cfn.describeStacks(b -> b.stackName("pipeline")).stacks().get(0));
            assertEquals(eventsBefore, cfn.describeStackEvents(b -> b.stackName("pipeline")).stackEvents());
            assertEquals(resourcesBefore, cfn.describeStackResources(b -> b.stackName("pipeline")).stackResources());
            assertEquals(TEMPLATE, cfn.getTemplate(b -> b.stackName("pipeline")).templateBody());
            assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/DemoInput",
                    cfn.listExports().exports().get(0).value());
            // The stream it made came back too (Kinesis is durable), and the stack still owns it.
            assertEquals(1, kinesis.describeStreamSummary(b -> b.streamName("DemoInput"))
                    .streamDescriptionSummary().openShardCount());
            cfn.deleteStack(b -> b.stackName(before.stackId()));
            assertEquals("DELETE_COMPLETE", CloudFormationClients.settle(cfn, before.stackId()).stackStatusAsString());
            assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStreamSummary(b -> b.streamName("DemoInput")));
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudFormationClient cfn = CloudFormationClients.cloudFormation(cloud.endpoint())) {
            assertEquals("DELETE_COMPLETE", cfn.describeStacks(b -> b.stackName(before.stackId())).stacks().get(0)
                    .stackStatusAsString());
            assertEquals(List.of(), cfn.listExports().exports());
        }
    }
}
