package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.firehose.AcceptedRecord;
import io.github.kinesisfanout.local.firehose.RecordSubscription;
import java.util.List;
import java.util.function.Consumer;

/**
 * How applications reach Firehose delivery streams by ARN: a KinesisFirehoseOutput puts rows into
 * one, a KinesisFirehoseInput subscribes to the records put into one. Errors are Firehose's
 * ({@code ResourceNotFoundException}, {@code InvalidArgumentException}).
 */
interface DeliveryStreamLink {

    /** Whether the cloud has a Firehose service. */
    boolean available();

    /** The delivery stream's DeliveryStreamType, e.g. {@code DirectPut}. */
    String type(String deliveryStreamArn);

    /** Puts records into the delivery stream, every one or none (the call throws). */
    void put(String deliveryStreamArn, List<byte[]> records);

    /** Receives every record put into the delivery stream from now on, until cancelled. */
    RecordSubscription subscribe(String deliveryStreamArn, Consumer<List<AcceptedRecord>> subscriber);

    /** {@code arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME}, the form of a delivery stream ARN. */
    static boolean isDeliveryStreamArn(String arn) {
        return arn != null && arn.matches("arn:aws[a-z-]*:firehose:[a-z0-9-]+:\\d{12}:deliverystream/[a-zA-Z0-9_.-]{1,64}");
    }
}
