package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.ServiceRegistry;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.firehose.AcceptedRecord;
import io.github.kinesisfanout.local.firehose.FirehoseService;
import io.github.kinesisfanout.local.firehose.RecordSubscription;
import io.github.kinesisfanout.local.lambda.InvokeResult;
import io.github.kinesisfanout.local.lambda.LambdaService;
import io.github.kinesisfanout.local.s3.S3Service;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How applications reach the other services of their local cloud: Lambda for LambdaOutput, Firehose
 * for KinesisFirehoseOutput and KinesisFirehoseInput, and S3 for DiscoverInputSchema's
 * S3Configuration, each through its typed method, looked up when used.
 */
final class LocalCloudLinks {

    private LocalCloudLinks() {
    }

    /** Invokes functions by ARN in the ARN's account and region; a function error fails the delivery. */
    static LambdaInvoker lambda(ServiceContext cloud) {
        ServiceRegistry registry = cloud.services();
        return new LambdaInvoker() {
            @Override
            public byte[] invoke(String functionArn, byte[] payload) {
                InvokeResult result = registry.service(LambdaService.class)
                        .invokeFunction(context(cloud, functionArn), functionArn, payload);
                if (result.functionError() != null) {
                    throw AnalyticsErrors.LAMBDA_SERVICE.error("Function " + functionArn + " failed ("
                            + result.functionError() + "): " + result.logTail());
                }
                return result.payload();
            }

            @Override
            public boolean available() {
                return has(registry, LambdaService.class);
            }
        };
    }

    /** Reaches delivery streams by ARN, in the ARN's account and region. */
    static DeliveryStreamLink firehose(ServiceContext cloud) {
        ServiceRegistry registry = cloud.services();
        return new DeliveryStreamLink() {
            @Override
            public boolean available() {
                return has(registry, FirehoseService.class);
            }

            @Override
            public String type(String arn) {
                return service().deliveryStreamType(context(cloud, arn), name(arn));
            }

            @Override
            public void put(String arn, List<byte[]> records) {
                service().putRecords(context(cloud, arn), name(arn), records);
            }

            @Override
            public RecordSubscription subscribe(String arn, Consumer<List<AcceptedRecord>> subscriber) {
                return service().subscribe(context(cloud, arn), name(arn), subscriber);
            }

            private FirehoseService service() {
                return registry.service(FirehoseService.class);
            }

            private String name(String arn) {
                if (!DeliveryStreamLink.isDeliveryStreamArn(arn)) {
                    throw AnalyticsErrors.INVALID_ARGUMENT.error(arn + " is not a delivery stream ARN"
                            + " (arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME)");
                }
                return arn.substring(arn.lastIndexOf('/') + 1);
            }
        };
    }

    /** Reads objects in the cloud's own account and region (bucket ARNs carry neither). */
    static ObjectReader s3(ServiceContext cloud) {
        ServiceRegistry registry = cloud.services();
        return (bucket, key) -> {
            if (!has(registry, S3Service.class)) {
                throw AnalyticsErrors.UNSUPPORTED_OPERATION.error(
                        "S3Configuration needs the local S3 service, which this local cloud"
                        + " does not have.");
            }
            return registry.service(S3Service.class).getObjectBytes(cloud.localRequest(), bucket, key);
        };
    }

    private static boolean has(ServiceRegistry registry, Class<? extends io.github.kinesisfanout.local.edge.AwsService> type) {
        try {
            registry.service(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * arn:aws:lambda:REGION:ACCOUNT:function:NAME (or a firehose deliverystream ARN): the call goes
     * to that account and region.
     */
    private static RequestContext context(ServiceContext cloud, String functionArn) {
        String[] parts = functionArn.split(":");
        boolean arn = parts.length >= 7 && "arn".equals(parts[0]);
        return new RequestContext(UUID.randomUUID().toString(), arn ? parts[4] : cloud.accountId(),
                arn ? parts[3] : cloud.region());
    }
}
