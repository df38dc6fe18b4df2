package io.github.kinesisfanout.local.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.Tag;

/** A stack with an S3 bucket and a Firehose delivery stream writing to it. */
class DeliveryStreamStackIT {

    private static final String TEMPLATE = """
            Resources:
              Landing:
                Type: AWS::S3::Bucket
                Properties: {BucketName: landing}
              Delivery:
                Type: AWS::KinesisFirehose::DeliveryStream
                Properties:
                  DeliveryStreamName: clicks
                  DeliveryStreamType: DirectPut
                  ExtendedS3DestinationConfiguration:
                    BucketARN: !GetAtt Landing.Arn
                    RoleARN: arn:aws:iam::000000000000:role/firehose
                    Prefix: clicks/
                    BufferingHints: {SizeInMBs: 1, IntervalInSeconds: 60}
                  Tags: [{Key: team, Value: TAG}]
            Outputs:
              Name: {Value: !Ref Delivery}
              Arn: {Value: !GetAtt Delivery.Arn}
            """;

    @Test
    void createsUpdatesTagsAndDeletesADeliveryStream() {
        try (LocalCloud cloud = LocalCloud.builder().build().start();
                CloudFormationClient cfn = CloudFormationClients.cloudFormation(cloud.endpoint());
                FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint())) {
            String id = cfn.createStack(b -> b.stackName("clicks").templateBody(TEMPLATE.replace("TAG", "web"))).stackId();
            Stack stack = CloudFormationClients.settle(cfn, "clicks");
            assertEquals("CREATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "clicks"));
            Map<String, String> outputs = stack.outputs().stream()
                    .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
            assertEquals("clicks", outputs.get("Name"));
            assertEquals("arn:aws:firehose:us-east-1:000000000000:deliverystream/clicks", outputs.get("Arn"));
            DeliveryStreamDescription described = firehose.describeDeliveryStream(d -> d.deliveryStreamName("clicks"))
                    .deliveryStreamDescription();
            assertEquals("ACTIVE", described.deliveryStreamStatusAsString());
            assertEquals("arn:aws:s3:::landing",
                    described.destinations().get(0).extendedS3DestinationDescription().bucketARN());
            assertEquals(1, described.destinations().get(0).extendedS3DestinationDescription().bufferingHints()
                    .sizeInMBs());

            cfn.updateStack(b -> b.stackName("clicks").templateBody(TEMPLATE.replace("TAG", "mobile")));
            assertEquals("UPDATE_COMPLETE", CloudFormationClients.settle(cfn, "clicks").stackStatusAsString(),
                    () -> CloudFormationClients.failures(cfn, "clicks"));
            assertEquals(List.of(Tag.builder().key("team").value("mobile").build()),
                    firehose.listTagsForDeliveryStream(l -> l.deliveryStreamName("clicks")).tags());

            cfn.deleteStack(b -> b.stackName("clicks"));
            assertEquals("DELETE_COMPLETE", CloudFormationClients.settle(cfn, id).stackStatusAsString());
            assertThrows(ResourceNotFoundException.class,
                    () -> firehose.describeDeliveryStream(d -> d.deliveryStreamName("clicks")));
        }
    }
}
