package io.github.kinesisfanout.local.conformance;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.Tag;

/** Valid requests for every Firehose operation the local cloud implements, plus a few that fail. */
final class FirehoseFlow {

    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";

    private FirehoseFlow() {
    }

    static void run(FirehoseClient firehose, String streamArn) {
        firehose.createDeliveryStream(r -> r.deliveryStreamName("conform").deliveryStreamType("DirectPut")
                .tags(Tag.builder().key("team").value("data").build())
                .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::conform-landing")
                        .prefix("in/").bufferingHints(h -> h.sizeInMBs(5).intervalInSeconds(300))));
        firehose.createDeliveryStream(r -> r.deliveryStreamName("conform-feed").deliveryStreamType("KinesisStreamAsSource")
                .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(streamArn).roleARN(ROLE))
                .s3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::conform-landing")));
        firehose.describeDeliveryStream(r -> r.deliveryStreamName("conform"));
        firehose.describeDeliveryStream(r -> r.deliveryStreamName("conform-feed"));
        firehose.listDeliveryStreams(r -> r.limit(1));
        firehose.listDeliveryStreams(r -> r.deliveryStreamType("KinesisStreamAsSource"));
        firehose.putRecord(r -> r.deliveryStreamName("conform").record(Record.builder()
                .data(SdkBytes.fromUtf8String("a,1\n")).build()));
        firehose.putRecordBatch(r -> r.deliveryStreamName("conform").records(
                Record.builder().data(SdkBytes.fromUtf8String("b,2\n")).build(),
                Record.builder().data(SdkBytes.fromUtf8String("c,3\n")).build()));
        firehose.tagDeliveryStream(r -> r.deliveryStreamName("conform").tags(Tag.builder().key("owner").value("ops").build()));
        firehose.listTagsForDeliveryStream(r -> r.deliveryStreamName("conform"));
        firehose.untagDeliveryStream(r -> r.deliveryStreamName("conform").tagKeys("owner"));
        Clients.expectError(() -> firehose.describeDeliveryStream(r -> r.deliveryStreamName("missing")));
        Clients.expectError(() -> firehose.putRecord(r -> r.deliveryStreamName("conform-feed").record(Record.builder()
                .data(SdkBytes.fromUtf8String("x")).build())));
        Clients.expectError(() -> firehose.createDeliveryStream(r -> r.deliveryStreamName("conform")
                .extendedS3DestinationConfiguration(d -> d.roleARN(ROLE).bucketARN("arn:aws:s3:::conform-landing"))));
        Clients.expectError(() -> firehose.startDeliveryStreamEncryption(r -> r.deliveryStreamName("conform")));
        firehose.deleteDeliveryStream(r -> r.deliveryStreamName("conform-feed"));
        firehose.deleteDeliveryStream(r -> r.deliveryStreamName("conform"));
    }
}
