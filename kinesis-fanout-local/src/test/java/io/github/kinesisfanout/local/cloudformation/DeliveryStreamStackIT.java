package io.github.kinesisfanout.local.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.Tag;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Stacks with an S3 bucket and a Firehose delivery stream writing to it, fed by puts or by a Kinesis stream. */
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

    private static final String FROM_KINESIS = """
            Resources:
              Landing:
                Type: AWS::S3::Bucket
                Properties: {BucketName: landing}
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties: {Name: clicks, ShardCount: 1}
              Delivery:
                Type: AWS::KinesisFirehose::DeliveryStream
                Properties:
                  DeliveryStreamName: clicks-archive
                  DeliveryStreamType: KinesisStreamAsSource
                  KinesisStreamSourceConfiguration:
                    KinesisStreamARN: !GetAtt Clicks.Arn
                    RoleARN: arn:aws:iam::000000000000:role/firehose
                  ExtendedS3DestinationConfiguration:
                    BucketARN: !GetAtt Landing.Arn
                    RoleARN: arn:aws:iam::000000000000:role/firehose
                    Prefix: archive/
                    BufferingHints: {SizeInMBs: 1, IntervalInSeconds: 1}
            """;

    @Test
    void aDeliveryStreamReadingAKinesisStreamOfTheStackDeliversItsRecordsAndStopsWithTheStack() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().build().start();
                CloudFormationClient cfn = CloudFormationClients.cloudFormation(cloud.endpoint());
                FirehoseClient firehose = SdkClients.client(FirehoseClient.builder(), cloud.endpoint());
                KinesisClient kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint());
                S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint())) {
            String id = cfn.createStack(b -> b.stackName("archive").templateBody(FROM_KINESIS)).stackId();
            assertEquals("CREATE_COMPLETE", CloudFormationClients.settle(cfn, "archive").stackStatusAsString(),
                    () -> CloudFormationClients.failures(cfn, "archive"));
            DeliveryStreamDescription described = firehose.describeDeliveryStream(d -> d
                    .deliveryStreamName("clicks-archive")).deliveryStreamDescription();
            assertEquals("KinesisStreamAsSource", described.deliveryStreamTypeAsString());
            assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/clicks",
                    described.source().kinesisStreamSourceDescription().kinesisStreamARN());

            kinesis.putRecord(p -> p.streamName("clicks").partitionKey("u1")
                    .data(SdkBytes.fromUtf8String("{\"click\":1}\n")));
            List<S3Object> objects = Await.until(Duration.ofSeconds(10),
                    () -> s3.listObjectsV2(l -> l.bucket("landing").prefix("archive/")).contents(),
                    found -> !found.isEmpty(), found -> "no object under archive/");
            assertEquals(1, objects.size());
            String key = objects.get(0).key();
            assertEquals("{\"click\":1}\n", s3.getObjectAsBytes(g -> g.bucket("landing").key(key))
                    .asString(StandardCharsets.UTF_8));

            // A bucket with objects cannot be deleted, in a stack as anywhere.
            s3.deleteObject(d -> d.bucket("landing").key(key));
            cfn.deleteStack(b -> b.stackName("archive"));
            assertEquals("DELETE_COMPLETE", CloudFormationClients.settle(cfn, id).stackStatusAsString(),
                    () -> CloudFormationClients.failures(cfn, id));
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("firehose-clicks-archive-source") && t.isAlive()),
                    "the delivery stream stopped reading");
        }
    }
}
